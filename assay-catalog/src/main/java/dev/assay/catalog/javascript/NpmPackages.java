package dev.assay.catalog.javascript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.Words;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.Location;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** What every npm-flavoured file shares: package names with scopes, SRI integrity strings, license fields. */
final class NpmPackages {
    private static final String NODE_MODULES = "node_modules/";

    private NpmPackages() {}

    /** {@code @scope/name} becomes namespace {@code @scope} (encoded {@code %40scope} by the purl library). */
    static Purl purl(String packageName, String version) {
        int slash = packageName.indexOf('/');
        if (packageName.startsWith("@") && slash > 0) {
            return Purl.of(PackageType.NPM, packageName.substring(0, slash), packageName.substring(slash + 1), version);
        }
        return Purl.of(PackageType.NPM, null, packageName, version);
    }

    /** The scope of a package name ({@code @types} for {@code @types/node}), or empty. */
    static String scopeOf(String packageName) {
        int slash = packageName.indexOf('/');
        return packageName.startsWith("@") && slash > 0 ? packageName.substring(0, slash) : "";
    }

    /** The package name a {@code node_modules/a/node_modules/@s/b} path installs: {@code @s/b}. */
    static String nameFromInstallPath(String path) {
        int index = path.lastIndexOf(NODE_MODULES);
        return index < 0 ? path : path.substring(index + NODE_MODULES.length());
    }

    /**
     * Subresource-integrity strings ({@code sha512-<base64>}, possibly several separated by spaces) as hex
     * hashes. Algorithms Assay does not know and malformed base64 are dropped: a wrong hash is worse than
     * none.
     */
    static List<Hash> integrityHashes(String integrity) {
        List<Hash> hashes = new ArrayList<>();
        if (integrity == null) {
            return hashes;
        }
        for (String token : Words.split(integrity.strip())) {
            int dash = token.indexOf('-');
            if (dash <= 0) {
                continue;
            }
            Optional<HashAlgorithm> algorithm = HashAlgorithm.fromName(token.substring(0, dash));
            if (algorithm.isEmpty()) {
                continue;
            }
            String base64 = token.substring(dash + 1);
            int options = base64.indexOf('?');
            if (options >= 0) {
                base64 = base64.substring(0, options);
            }
            try {
                byte[] digest = Base64.getDecoder().decode(base64);
                if (digest.length > 0) {
                    hashes.add(new Hash(algorithm.get(), HexFormat.of().formatHex(digest)));
                }
            } catch (IllegalArgumentException e) {
                // Not base64: leave the component without this hash.
            }
        }
        return hashes;
    }

    /**
     * The declared licenses of a package.json or lockfile entry: {@code "license": "MIT"}, the old object
     * form {@code {"type": "MIT"}}, an array of either, or the deprecated {@code "licenses"} array.
     */
    static List<String> licenses(JsonNode entry) {
        List<String> licenses = new ArrayList<>();
        addLicenses(entry.get("license"), licenses);
        addLicenses(entry.get("licenses"), licenses);
        return licenses;
    }

    private static void addLicenses(JsonNode node, List<String> licenses) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (!text.isEmpty()) {
                licenses.add(text);
            }
        } else if (node.isObject()) {
            addLicenses(node.get("type"), licenses);
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                addLicenses(element, licenses);
            }
        }
    }

    /** The author as written: {@code "Jane <jane@example.com>"} or the object form's name and email. */
    static String author(JsonNode entry) {
        JsonNode author = entry.get("author");
        if (author == null) {
            return "";
        }
        if (author.isTextual()) {
            return author.asText().strip();
        }
        if (author.isObject()) {
            String name = text(author, "name");
            String email = text(author, "email");
            return email.isEmpty() ? name : (name + " <" + email + ">").strip();
        }
        return "";
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** The directory holding a file, as a prefix to append sibling names to ({@code ""} or {@code "a/b/"}). */
    static String directoryPrefix(Location location) {
        String path = location.path();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /**
     * Whether a file lies inside an installed package. Package managers ignore lockfiles of dependencies
     * (they describe the author's development set-up, not what was installed), so catalogers do too.
     */
    static boolean insideNodeModules(Location location) {
        String path = location.path();
        return path.startsWith(NODE_MODULES) || path.contains("/" + NODE_MODULES);
    }

    /** The file name of a location, as versionSource of its components. */
    static String fileName(Location location) {
        String path = location.path();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
