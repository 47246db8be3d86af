package dev.assay.server.portfolio.query;

import dev.assay.model.InvalidInputException;
import dev.assay.model.InvalidPurlException;
import dev.assay.model.Purl;
import dev.assay.version.VersRange;
import dev.assay.version.VersionScheme;
import java.util.Locale;
import java.util.Optional;

/**
 * A package and the versions of it asked about, checked before any database work: a typo in a range must
 * be a clear 4xx, never an empty answer that reads as "nothing affected". Which versions a range contains
 * is decided by {@link VersRange}, in the ecosystem's own order.
 */
record PackageSelector(String purlBase, String purlType, Optional<String> exactVersion, Optional<String> range) {
    private static final int MAX_PURL_LENGTH = 2048;
    private static final int MAX_RANGE_LENGTH = 4096;

    static PackageSelector parse(String purlText, Optional<String> rangeText) {
        if (purlText == null || purlText.isBlank()) {
            throw new InvalidInputException("the package URL must not be empty", "purl");
        }
        String stripped = purlText.strip();
        if (stripped.length() > MAX_PURL_LENGTH) {
            throw new InvalidInputException(
                    "the package URL is longer than " + MAX_PURL_LENGTH + " characters", shorten(stripped));
        }
        Purl purl;
        try {
            purl = Purl.parse(stripped);
        } catch (InvalidPurlException e) {
            throw new InvalidInputException(
                    "not a valid package URL: " + shorten(stripped) + " (expected pkg:type/namespace/name, e.g."
                            + " pkg:maven/org.apache.logging.log4j/log4j-core)",
                    shorten(stripped),
                    e);
        }
        Optional<String> range = rangeText.map(String::strip).filter(text -> !text.isEmpty());
        if (purl.version().isPresent() && range.isPresent()) {
            throw new InvalidInputException(
                    "give either a version in the package URL or a range, not both: " + shorten(stripped),
                    shorten(stripped));
        }
        range.ifPresent(text -> checkRange(text, purl.type()));
        return new PackageSelector(purl.withoutVersion(), purl.type(), purl.version(), range);
    }

    /**
     * Whether the stored version is asked about; empty when the range's version order cannot read it.
     */
    Optional<Boolean> admits(String version) {
        if (exactVersion.isPresent()) {
            return Optional.of(exactVersion.get().equals(version));
        }
        if (range.isEmpty()) {
            return Optional.of(true);
        }
        return VersRange.contains(range.get(), version, purlType);
    }

    /** How the query is echoed back: the range, or the purl's own version as an exact one. */
    String describedRange() {
        return range.orElseGet(() -> exactVersion.orElse(null));
    }

    private static void checkRange(String range, String purlType) {
        if (range.length() > MAX_RANGE_LENGTH) {
            throw new InvalidInputException(
                    "the version range is longer than " + MAX_RANGE_LENGTH + " characters", shorten(range));
        }
        int slash = range.indexOf('/');
        if (!range.regionMatches(true, 0, "vers:", 0, 5) || slash < 0) {
            throw invalidRange(range, "expected vers:<type>/<constraints>, e.g. vers:maven/<2.17.1");
        }
        String versType = range.substring(5, slash).strip().toLowerCase(Locale.ROOT);
        String constraints = range.substring(slash + 1).strip();
        Optional<VersionScheme> purlScheme = VersRange.scheme(purlType);
        Optional<VersionScheme> scheme = versType.equals("generic") ? purlScheme : VersRange.scheme(versType);
        if (scheme.isEmpty()) {
            String ecosystem = versType.equals("generic") ? purlType : versType;
            throw new InvalidInputException(
                    "unknown ecosystem '" + ecosystem + "' in version range " + shorten(range)
                            + ": Assay orders versions of " + String.join(", ", VersRange.knownTypes()),
                    shorten(range));
        }
        if (purlScheme.isPresent() && purlScheme.get() != scheme.get()) {
            throw invalidRange(range, "its versioning (" + versType + ") is not the one of " + purlType + " packages");
        }
        if (constraints.equals("*")) {
            return;
        }
        if (constraints.isEmpty()) {
            throw invalidRange(range, "it has no constraints");
        }
        for (String raw : constraints.split("\\|", -1)) {
            String constraint = raw.strip();
            String version = constraint.replaceFirst("^(>=|<=|!=|<|>|=)", "").strip();
            if (version.isEmpty()) {
                throw invalidRange(range, "the constraint '" + constraint + "' has no version");
            }
            if (!scheme.get().isValid(version)) {
                throw invalidRange(
                        range, "'" + version + "' is not a " + scheme.get().id() + " version");
            }
        }
    }

    private static InvalidInputException invalidRange(String range, String why) {
        return new InvalidInputException("not a valid version range " + shorten(range) + ": " + why, shorten(range));
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
