package dev.assay.catalog.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.Location;
import dev.assay.model.Scope;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code composer.lock}: {@code packages} ship ({@link Scope#REQUIRED}), {@code packages-dev} are
 * development-only ({@link Scope#EXCLUDED}). The lockfile does not name the project; the {@code
 * composer.json} next to it does, and becomes the root that depends on its {@code require} and {@code
 * require-dev} entries.
 */
final class ComposerLockParser {
    private ComposerLockParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        JsonNode lock = SafeJson.read(input.bytes(), input.location().path());
        if (!lock.isObject()) {
            throw new UnableToParseException(
                    input.location().path() + " is not a JSON object",
                    input.location().path());
        }
        ComposerPackages packages = new ComposerPackages(input, "composer.lock");
        packages.addAll(lock.get("packages"), Scope.REQUIRED, Set.of(), "packages");
        packages.addAll(lock.get("packages-dev"), Scope.EXCLUDED, Set.of(), "packages-dev");

        Optional<JsonNode> manifest = siblingManifest(input);
        Optional<Component> root = manifest.flatMap(packages::root);
        List<String> rootRequirements = new ArrayList<>();
        manifest.ifPresent(json -> {
            for (String field : List.of("require", "require-dev")) {
                for (Iterator<String> names = json.path(field).fieldNames(); names.hasNext(); ) {
                    rootRequirements.add(names.next());
                }
            }
        });
        return packages.result(root, rootRequirements);
    }

    /** The composer.json next to the lock; an unreadable one costs only the root, not the packages. */
    private static Optional<JsonNode> siblingManifest(ParseInput input) {
        String path = input.location().path();
        int slash = path.lastIndexOf('/');
        Optional<Location> manifest =
                input.files().resolve((slash < 0 ? "" : path.substring(0, slash + 1)) + "composer.json");
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode json =
                    SafeJson.read(input.bytesOf(manifest.get()), manifest.get().path());
            return json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (IOException | AssayException e) {
            return Optional.empty();
        }
    }
}
