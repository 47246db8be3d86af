package dev.assay.catalog.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code Pipfile.lock}: {@code default} packages are required, {@code develop} ones excluded. The
 * lock has no graph and no project name, so no edges and no root. Entries locked to a path, a VCS or a
 * URL without a {@code version} have no knowable version and are skipped.
 */
final class PipfileLockParser {
    private static final Logger LOG = LoggerFactory.getLogger(PipfileLockParser.class);
    private static final String VERSION_SOURCE = "Pipfile.lock";

    private PipfileLockParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        String fileName = input.location().path();
        JsonNode document = SafeJson.read(input.bytes(), fileName);
        if (!document.isObject()) {
            throw new UnableToParseException(
                    fileName + " is not a Pipfile.lock: the top level is not an object", fileName);
        }
        List<Component> components = new ArrayList<>();
        components.addAll(section(input, document.path("default"), Scope.REQUIRED));
        components.addAll(section(input, document.path("develop"), Scope.EXCLUDED));
        return CatalogResult.of(components);
    }

    private static List<Component> section(ParseInput input, JsonNode section, Scope scope) {
        List<Component> components = new ArrayList<>();
        if (!section.isObject()) {
            return components;
        }
        for (Map.Entry<String, JsonNode> entry : section.properties()) {
            String name = entry.getKey();
            JsonNode locked = entry.getValue();
            Optional<String> version =
                    PythonRequirement.pinnedVersion(locked.path("version").asText(""));
            if (!PypiPackages.isValidName(name) || version.isEmpty()) {
                LOG.debug("{}: skipping {}, locked without a pinned version", input.location(), name);
                continue;
            }
            Purl purl = PypiPackages.purl(name, version.get());
            Component.Builder builder = input.component(purl, VERSION_SOURCE)
                    .name(name)
                    .version(version.get())
                    .scope(scope);
            for (JsonNode hash : locked.path("hashes")) {
                PypiPackages.hash(hash.asText("")).ifPresent(builder::hash);
            }
            builder.property("assay:environment-marker", locked.path("markers").asText(""));
            builder.property("assay:package-index", locked.path("index").asText(""));
            components.add(builder.build());
        }
        return components;
    }
}
