package dev.assay.sign.slsa;

/**
 * Builder ids matched as slsa-verifier matches them. An id is {@code NAME} or {@code NAME@VERSION}, split at
 * the first '@'. An expected id without a version trusts every version of that builder; one with a version
 * trusts only it, where {@code v1.9.0} also matches the ref {@code refs/tags/v1.9.0}.
 */
public final class BuilderIds {
    private BuilderIds() {}

    public static boolean matches(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        String[] trusted = split(expected);
        String[] found = split(actual);
        if (!trusted[0].equals(found[0])) {
            return false;
        }
        if (trusted[1] == null) {
            return true;
        }
        return trusted[1].equals(found[1]) || ("refs/tags/" + trusted[1]).equals(found[1]);
    }

    /** Whether the id names a version of its builder (a more specific trust than the name alone). */
    static boolean hasVersion(String id) {
        return split(id)[1] != null;
    }

    private static String[] split(String id) {
        int at = id.indexOf('@');
        return at < 0 ? new String[] {id, null} : new String[] {id.substring(0, at), id.substring(at + 1)};
    }
}
