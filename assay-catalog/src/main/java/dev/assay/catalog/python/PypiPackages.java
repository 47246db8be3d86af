package dev.assay.catalog.python;

import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.InvalidInputException;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Names, purls and digests of PyPI packages, shared by every Python cataloger. */
final class PypiPackages {
    /** PEP 508 names: ASCII letters and digits, with {@code . _ -} allowed inside. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[-_.]+");

    private PypiPackages() {}

    static boolean isValidName(String name) {
        return name != null && name.length() <= 256 && VALID_NAME.matcher(name).matches();
    }

    /**
     * The PEP 503 normalized name: lower case, runs of {@code - _ .} folded to one {@code -}. Lockfiles and
     * metadata spell the same package differently ({@code PyYAML}, {@code pyyaml}, {@code zope.interface}
     * and {@code zope-interface}); every lookup by name goes through this.
     */
    static String normalize(String name) {
        return SEPARATOR_RUNS.matcher(name.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** The purl of a release; an empty version gives a version-less purl. */
    static Purl purl(String name, String version) {
        return Purl.of(PackageType.PYPI, null, normalize(name), version == null ? "" : version.strip());
    }

    /**
     * A digest written the way pip, Poetry, uv and PDM write them ({@code sha256:<hex>}); empty when the
     * algorithm is unknown or the value is not hexadecimal, because a wrong hash is worse than none.
     */
    static Optional<Hash> hash(String written) {
        if (written == null) {
            return Optional.empty();
        }
        int colon = written.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return hash(written.substring(0, colon), written.substring(colon + 1));
    }

    static Optional<Hash> hash(String algorithmName, String hex) {
        Optional<HashAlgorithm> algorithm = HashAlgorithm.fromName(algorithmName.strip());
        if (algorithm.isEmpty() || hex == null || hex.isBlank() || hex.length() > 256) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Hash(algorithm.get(), hex.strip()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
