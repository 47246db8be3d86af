package dev.assay.catalog.dotnet;

import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** NuGet ids, versions, purls and the base64 SHA-512 digests NuGet writes. */
final class NuGet {
    /** NuGet ids: letters, digits, {@code . _ -}; at most 100 characters. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+-]{0,99}");

    private NuGet() {}

    static boolean isId(String id) {
        return ID.matcher(id).matches();
    }

    static boolean isVersion(String version) {
        return VERSION.matcher(version).matches();
    }

    /** {@code pkg:nuget/Newtonsoft.Json@13.0.1}: NuGet ids are case-insensitive but kept as written. */
    static Purl purl(String id, String version) {
        return Purl.of(PackageType.NUGET, "", id, version);
    }

    /** A base64 SHA-512 ({@code contentHash}, or {@code sha512-...} in deps.json) as a hex hash. */
    static Optional<Hash> sha512(String base64) {
        String value = base64.startsWith("sha512-") ? base64.substring(7) : base64;
        if (value.length() != 88) {
            return Optional.empty();
        }
        try {
            byte[] digest = Base64.getDecoder().decode(value);
            return digest.length == 64
                    ? Optional.of(new Hash(HashAlgorithm.SHA512, HexFormat.of().formatHex(digest)))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
