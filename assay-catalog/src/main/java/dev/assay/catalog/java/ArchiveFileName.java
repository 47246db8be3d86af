package dev.assay.catalog.java;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Java archive's file name says: {@code commons-text-1.10.0.jar} is artifact {@code commons-text}
 * at version {@code 1.10.0}. The version starts at the first {@code -} followed by a digit, which is how
 * Maven names its artifacts ({@code artifactId-version[-classifier].jar}).
 *
 * @param base the file name without directory and extension
 * @param artifact the name part; the whole base when no version can be split off
 * @param version the version part, or empty
 */
record ArchiveFileName(String base, String artifact, String version) {
    private static final Pattern NAME_VERSION = Pattern.compile("^(.+?)-(\\d[^-]*(?:-[^-]+)*)$");

    static ArchiveFileName of(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Matcher matcher = NAME_VERSION.matcher(base);
        if (matcher.matches()) {
            return new ArchiveFileName(base, matcher.group(1), matcher.group(2));
        }
        return new ArchiveFileName(base, base, "");
    }

    /** The archive kinds this cataloger opens, by extension. */
    static boolean isJavaArchive(String path) {
        // Asked of every entry of every archive: compares in place rather than lower-casing the name.
        int dot = path.lastIndexOf('.');
        int length = path.length() - dot - 1;
        if (dot < 0) {
            return false;
        }
        for (String extension : JavaArchiveCataloger.EXTENSIONS) {
            if (extension.length() == length && path.regionMatches(true, dot + 1, extension, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
