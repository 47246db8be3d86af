package dev.assay.vulndb.update;

import dev.assay.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OSV ecosystem names as they appear in the dump's path: the default set Assay catalogs, validation of
 * names the user adds, and their encoding into a URL path segment and a cache folder name.
 */
public final class OsvEcosystems {
    /** The ecosystems Assay has catalogers for, in the order they are downloaded. */
    public static final List<String> DEFAULT = List.of(
            "Maven", "npm", "PyPI", "Go", "crates.io", "RubyGems", "NuGet", "Packagist", "Debian", "Ubuntu", "Alpine");

    private static final int MAX_NAME_LENGTH = 100;

    private OsvEcosystems() {}

    /** The default ecosystems followed by the given ones, each once, in that order. */
    public static List<String> withDefaults(Collection<String> additional) {
        Set<String> names = new LinkedHashSet<>(DEFAULT);
        for (String name : additional) {
            names.add(requireValid(name));
        }
        return List.copyOf(names);
    }

    /**
     * Checks that a name can safely become one path segment of a URL and one folder of the cache. OSV names
     * contain spaces, dots and colons ({@code Rocky Linux}, {@code crates.io}, {@code Debian:12}); a slash,
     * a control character or a dot-only name could escape the ecosystem's folder, so those are refused.
     *
     * @return the name itself
     */
    public static String requireValid(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("an ecosystem name is empty", String.valueOf(name));
        }
        if (!name.strip().equals(name)) {
            throw new InvalidInputException("ecosystem name has leading or trailing spaces: '" + name + "'", name);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(
                    "ecosystem name is longer than " + MAX_NAME_LENGTH + " characters", name.substring(0, 40));
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("'" + name + "' is not an ecosystem name", name);
        }
        for (int index = 0; index < name.length(); index++) {
            char character = name.charAt(index);
            if (character == '/' || character == '\\' || Character.isISOControl(character)) {
                throw new InvalidInputException(
                        "ecosystem name contains a character that cannot be part of a path: '"
                                + name.replaceAll("\\p{Cntrl}", "?") + "'",
                        name);
            }
        }
        return name;
    }

    /**
     * The name as one URL path segment: RFC 3986 unreserved characters stay, every other byte of its UTF-8
     * form is percent-encoded ({@code Rocky Linux} becomes {@code Rocky%20Linux}, {@code Debian:12} becomes
     * {@code Debian%3A12}), which is how object stores expect object names in a path.
     */
    public static String pathSegment(String name) {
        return percentEncode(requireValid(name));
    }

    /**
     * The folder name of the ecosystem in the download cache: the same encoding as the URL segment, so it
     * never contains a character some file system refuses ({@code :} on Windows) and maps back one to one.
     */
    public static String cacheFolderName(String name) {
        return percentEncode(requireValid(name));
    }

    private static String percentEncode(String name) {
        StringBuilder encoded = new StringBuilder(name.length() + 8);
        for (byte value : name.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = value & 0xff;
            if (isUnreserved(unsigned)) {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", unsigned));
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int character) {
        return (character >= 'A' && character <= 'Z')
                || (character >= 'a' && character <= 'z')
                || (character >= '0' && character <= '9')
                || character == '-'
                || character == '.'
                || character == '_'
                || character == '~';
    }

    /** Validates every name and drops exact duplicates, keeping the first occurrence's position. */
    static List<String> validated(Collection<String> names) {
        List<String> result = new ArrayList<>(names.size());
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (seen.add(requireValid(name))) {
                result.add(name);
            }
        }
        return List.copyOf(result);
    }
}
