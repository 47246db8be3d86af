package dev.assay.vulndb;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalization of package names used on both sides of a lookup, the advisory being stored and
 * the component being matched, following each ecosystem's own rule for when two spellings are one package.
 */
public final class PackageNames {
    private static final Pattern PEP_503_SEPARATORS = Pattern.compile("[-_.]+");

    private PackageNames() {}

    /**
     * @param ecosystem an OSV ecosystem, with or without release suffix
     */
    public static String normalize(String ecosystem, String name) {
        String trimmed = name.strip();
        return switch (ecosystemBase(ecosystem)) {
            // PEP 503: case-insensitive, and runs of '-', '_' and '.' are one separator.
            case "PyPI" -> PEP_503_SEPARATORS.matcher(trimmed).replaceAll("-").toLowerCase(Locale.ROOT);
            // crates.io treats '-' and '_' as the same name and is case-insensitive.
            case "crates.io" -> trimmed.replace('_', '-').toLowerCase(Locale.ROOT);
            // Registries that are case-insensitive.
            case "NuGet", "Packagist", "Hex", "Pub", "Debian", "Ubuntu", "Alpine", "Wolfi", "Chainguard" ->
                trimmed.toLowerCase(Locale.ROOT);
            // Maven, npm, Go, RubyGems and the RPM distributions are case-sensitive.
            default -> trimmed;
        };
    }

    /** {@code Debian} for {@code Debian:12}; {@code Ubuntu} for {@code Ubuntu:22.04:LTS}. */
    public static String ecosystemBase(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }
}
