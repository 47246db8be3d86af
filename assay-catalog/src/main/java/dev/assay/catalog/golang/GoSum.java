package dev.assay.catalog.golang;

import dev.assay.catalog.spi.Words;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code h1:} hashes of a {@code go.sum}. An {@code h1:} value is a base64 SHA-256 over a sorted list
 * of the SHA-256 digests of every file in the module zip (a hash of a hash tree), not a digest of any
 * artifact a consumer could download and check, so it is kept as a property, never as a {@code Hash}.
 * go.sum also lists modules that are not in the build list (older versions, {@code /go.mod}-only
 * entries); it only annotates modules that go.mod or build info name.
 */
final class GoSum {
    private static final Pattern H1_BASE64 = Pattern.compile("[A-Za-z0-9+/]{43}=");

    private final Map<String, String> hashByModuleVersion;

    private GoSum(Map<String, String> hashByModuleVersion) {
        this.hashByModuleVersion = hashByModuleVersion;
    }

    static GoSum empty() {
        return new GoSum(Map.of());
    }

    static GoSum parse(String text) {
        Map<String, String> hashes = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            List<String> fields = Words.split(line.strip());
            if (fields.size() != 3 || fields.get(1).endsWith("/go.mod") || !isH1(fields.get(2))) {
                continue;
            }
            hashes.putIfAbsent(fields.get(0) + "@" + fields.get(1), fields.get(2));
        }
        return new GoSum(Map.copyOf(hashes));
    }

    Optional<String> h1(String modulePath, String version) {
        return Optional.ofNullable(hashByModuleVersion.get(modulePath + "@" + version));
    }

    /** {@code h1:} followed by the 44 base64 characters of a SHA-256. */
    static boolean isH1(String value) {
        return value.length() == 47
                && value.startsWith("h1:")
                && H1_BASE64.matcher(value).region(3, value.length()).matches();
    }
}
