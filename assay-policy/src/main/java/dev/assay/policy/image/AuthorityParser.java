package dev.assay.policy.image;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the lists of authorities of an image policy ({@code signatures.anyOf}, {@code signedBy}): keys by
 * file or inline PEM, keyless identities with their issuer and trusted root. Each authority remembers where
 * it is written, so that a key that cannot be loaded later is reported at its line.
 */
final class AuthorityParser {
    static final int MAX_AUTHORITIES = 32;
    static final int MAX_PEM_CHARS = 16 * 1024;

    private static final Set<String> AUTHORITY = Set.of("name", "key", "keyless");
    private static final Set<String> KEY = Set.of("file", "pem");
    private static final Set<String> KEYLESS = Set.of("issuer", "subject", "subjectRegExp", "trustedRoot");

    private AuthorityParser() {}

    static List<Authority> authorities(PolicyFields fields, Object value, String pointer, Path base) {
        List<?> list = fields.list(value, pointer, MAX_AUTHORITIES);
        if (list.isEmpty()) {
            throw fields.invalid(pointer, "names no key or identity");
        }
        List<Authority> authorities = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Authority authority = authority(fields, list.get(i), pointer + "/" + i, base, i);
            if (!names.add(authority.name())) {
                throw fields.invalid(
                        pointer + "/" + i + "/name", "a second authority named '" + authority.name() + "'");
            }
            authorities.add(authority);
        }
        return authorities;
    }

    private static Authority authority(PolicyFields fields, Object value, String pointer, Path base, int index) {
        Map<?, ?> map = fields.map(value, pointer, AUTHORITY);
        boolean key = map.containsKey("key");
        if (key == map.containsKey("keyless")) {
            throw fields.invalid(pointer, "give exactly one of key and keyless");
        }
        String location = fields.location(pointer);
        if (key) {
            String name =
                    map.get("name") == null ? "key-" + (index + 1) : fields.string(map.get("name"), pointer + "/name");
            Map<?, ?> keyMap = fields.map(map.get("key"), pointer + "/key", KEY);
            if (keyMap.size() != 1) {
                throw fields.invalid(pointer + "/key", "give exactly one of file and pem");
            }
            if (keyMap.containsKey("file")) {
                return new Authority.Key(
                        name,
                        Optional.of(path(fields, keyMap.get("file"), pointer + "/key/file", base)),
                        Optional.empty(),
                        location);
            }
            String pem = fields.string(keyMap.get("pem"), pointer + "/key/pem");
            if (pem.length() > MAX_PEM_CHARS || !pem.startsWith("-----BEGIN ")) {
                throw fields.invalid(pointer + "/key/pem", "expected one PEM public key (-----BEGIN PUBLIC KEY-----)");
            }
            return new Authority.Key(name, Optional.empty(), Optional.of(pem), location);
        }
        String name =
                map.get("name") == null ? "keyless-" + (index + 1) : fields.string(map.get("name"), pointer + "/name");
        String keylessPointer = pointer + "/keyless";
        Map<?, ?> keyless = fields.map(map.get("keyless"), keylessPointer, KEYLESS);
        String issuer = fields.string(keyless.get("issuer"), keylessPointer + "/issuer");
        if (keyless.containsKey("subject") == keyless.containsKey("subjectRegExp")) {
            throw fields.invalid(keylessPointer, "give exactly one of subject and subjectRegExp");
        }
        Optional<String> subject = keyless.containsKey("subject")
                ? Optional.of(fields.string(keyless.get("subject"), keylessPointer + "/subject"))
                : Optional.empty();
        Optional<String> pattern = Optional.empty();
        if (keyless.containsKey("subjectRegExp")) {
            String regexp = fields.string(keyless.get("subjectRegExp"), keylessPointer + "/subjectRegExp");
            try {
                Pattern.compile(regexp);
            } catch (PatternSyntaxException e) {
                throw fields.invalid(
                        keylessPointer + "/subjectRegExp", "not a valid regular expression: " + e.getDescription());
            }
            pattern = Optional.of(regexp);
        }
        if (keyless.get("trustedRoot") == null) {
            throw fields.invalid(
                    keylessPointer,
                    "needs trustedRoot: the trusted_root.json of the Sigstore instance whose certificates count");
        }
        Path root = path(fields, keyless.get("trustedRoot"), keylessPointer + "/trustedRoot", base);
        return new Authority.Keyless(name, issuer, subject, pattern, root, location);
    }

    static Path path(PolicyFields fields, Object value, String pointer, Path base) {
        String text = fields.string(value, pointer);
        try {
            Path path = Path.of(text);
            return path.isAbsolute() ? path : base.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw fields.invalid(pointer, "'" + PolicyFields.abbreviate(text) + "' is not a file path");
        }
    }
}
