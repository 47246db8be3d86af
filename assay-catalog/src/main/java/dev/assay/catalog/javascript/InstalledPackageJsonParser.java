package dev.assay.catalog.javascript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Purl;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The package.json of installed packages: files directly at {@code node_modules/<name>/package.json} or
 * {@code node_modules/@scope/<name>/package.json}, nested node_modules included. Other package.json files
 * inside a package (test fixtures, sub-module markers like {@code lib/esm/package.json}) describe no
 * installed package and are skipped without being read.
 */
final class InstalledPackageJsonParser {
    private static final Pattern INSTALLED =
            Pattern.compile("(?:^|.*/)node_modules/(?:@[^/]+/)?[^/@.][^/]*/package\\.json");

    private InstalledPackageJsonParser() {}

    static boolean isInstalledManifest(String path) {
        return INSTALLED.matcher(path).matches();
    }

    static CatalogResult parse(ParseInput input) throws IOException {
        String path = input.location().path();
        if (!isInstalledManifest(path)) {
            return CatalogResult.EMPTY;
        }
        JsonNode json = SafeJson.read(input.bytes(), path);
        if (!json.isObject()) {
            throw new UnableToParseException(path + " is not a JSON object", path);
        }
        PackageManifest manifest = PackageManifest.of(json);
        if (manifest.name().isEmpty() || manifest.version().isEmpty()) {
            // Private stubs and build leftovers without identity are not packages anyone can match.
            return CatalogResult.EMPTY;
        }
        Purl purl = NpmPackages.purl(manifest.name(), manifest.version());
        return CatalogResult.of(List.of(input.component(purl, "package.json")
                .licenses(manifest.licenses())
                .property("assay:author", manifest.author())
                .build()));
    }
}
