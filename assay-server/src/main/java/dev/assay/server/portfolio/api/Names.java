package dev.assay.server.portfolio.api;

/**
 * Project, version and tag names as the API accepts them. They are database values, never file paths,
 * but they travel in URL paths ({@code /projects/{project}}) and into logs and the dashboard: a slash
 * would make a name unaddressable, control characters would forge log lines, and {@code .}/{@code ..}
 * would be rewritten by clients that normalize paths.
 */
final class Names {
    static final int MAX_LENGTH = 255;

    private Names() {}

    /** @throws ApiProblem 400 naming the parameter and what is wrong with it */
    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("the " + what + " must not be empty");
        }
        String name = value.strip();
        if (name.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest("the " + what + " is longer than " + MAX_LENGTH + " characters");
        }
        if (name.equals(".") || name.equals("..")) {
            throw ApiProblem.badRequest("the " + what + " must not be '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw ApiProblem.badRequest("the " + what + " must not contain '/' or '\\'");
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw ApiProblem.badRequest("the " + what + " must not contain control characters");
            }
        }
        return name;
    }
}
