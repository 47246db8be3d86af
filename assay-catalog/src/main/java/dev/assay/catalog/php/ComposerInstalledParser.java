package dev.assay.catalog.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Scope;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code vendor/composer/installed.json}: a plain array of packages (Composer 1) or {@code
 * {"packages": [...], "dev": true, "dev-package-names": [...]}} (Composer 2), where the listed names were
 * installed only for development.
 */
final class ComposerInstalledParser {
    private ComposerInstalledParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        JsonNode installed = SafeJson.read(input.bytes(), input.location().path());
        ComposerPackages packages = new ComposerPackages(input, "installed.json");
        if (installed.isArray()) {
            packages.addAll(installed, Scope.REQUIRED, Set.of(), "installed.json");
        } else if (installed.isObject()) {
            Set<String> devNames = new HashSet<>();
            installed
                    .path("dev-package-names")
                    .forEach(name -> devNames.add(name.asText("").toLowerCase(Locale.ROOT)));
            packages.addAll(installed.get("packages"), Scope.REQUIRED, devNames, "packages");
        } else {
            throw new UnableToParseException(
                    input.location().path() + " is neither a package array nor an object",
                    input.location().path());
        }
        return packages.result(Optional.empty(), List.of());
    }
}
