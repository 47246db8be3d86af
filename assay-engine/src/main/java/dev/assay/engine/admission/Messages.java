package dev.assay.engine.admission;

/**
 * Messages that reach the client: the API server puts warnings into HTTP headers and denial messages into
 * kubectl's output, so a policy message (which may quote attacker-controlled field values) must not carry
 * control characters, and must not grow without bound.
 */
final class Messages {
    /** The API server keeps at most 4096 characters of warnings per request; longer is wasted. */
    static final int MAX_WARNING_LENGTH = 4096;

    static final int MAX_MESSAGE_LENGTH = 16 * 1024;

    private Messages() {}

    /** Control characters (newlines included) become spaces. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            if (Character.isISOControl(character)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(' ');
            } else if (out != null) {
                out.append(character);
            }
        }
        return out == null ? text : out.toString();
    }

    static String bounded(String text, int limit) {
        String printable = printable(text);
        if (printable.length() <= limit) {
            return printable;
        }
        String suffix = " ... (" + (printable.length() - limit) + " more characters)";
        return printable.substring(0, Math.max(0, limit - suffix.length())) + suffix;
    }
}
