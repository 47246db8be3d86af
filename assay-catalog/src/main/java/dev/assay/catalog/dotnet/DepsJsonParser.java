package dev.assay.catalog.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a .NET {@code APP.deps.json}, written next to a built or published application: {@code libraries}
 * names every {@code NAME/VERSION} with its {@code type} ({@code project} for the application and its
 * project references, {@code package} for NuGet packages, {@code referenceassembly} and others for
 * framework pieces) and {@code sha512}; {@code targets} gives each library's dependencies per runtime.
 */
final class DepsJsonParser {
    static final String VERSION_SOURCE = "deps.json";

    private DepsJsonParser() {}

    private record Library(String name, String version, String type, JsonNode node) {
        Purl purl() {
            return NuGet.purl(name, version);
        }
    }

    static CatalogResult parse(ParseInput input) throws IOException {
        JsonNode deps = SafeJson.read(input.bytes(), input.location().path());
        JsonNode libraries = deps.path("libraries");
        if (!deps.isObject() || !libraries.isObject()) {
            throw new UnableToParseException(
                    input.location().path() + " has no 'libraries' object",
                    input.location().path());
        }
        String path = input.location().path();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String applicationName = fileName.substring(0, fileName.length() - ".deps.json".length());

        Map<String, Library> byKey = new LinkedHashMap<>();
        Map<String, Library> byName = new HashMap<>();
        List<Unknown> unknowns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = libraries.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            int slash = entry.getKey().indexOf('/');
            String name = slash < 0 ? "" : entry.getKey().substring(0, slash);
            String version = slash < 0 ? "" : entry.getKey().substring(slash + 1);
            String type = entry.getValue().path("type").asText("");
            if (!NuGet.isId(name) || !NuGet.isVersion(version)) {
                unknowns.add(
                        new Unknown(input.location(), input.catalogerId(), "library entry has no valid NAME/VERSION"));
                continue;
            }
            if (!type.equals("package") && !type.equals("project")) {
                // Reference assemblies and runtime packs are parts of the framework, not NuGet packages.
                continue;
            }
            Library library = new Library(name, version, type, entry.getValue());
            byKey.put(entry.getKey().toLowerCase(Locale.ROOT), library);
            byName.putIfAbsent(name.toLowerCase(Locale.ROOT), library);
        }

        List<Component> components = new ArrayList<>();
        for (Library library : byKey.values()) {
            boolean application =
                    library.type().equals("project") && library.name().equalsIgnoreCase(applicationName);
            Component.Builder component = input.component(library.purl(), VERSION_SOURCE)
                    .kind(application ? ComponentKind.APPLICATION : ComponentKind.LIBRARY)
                    .property("assay:nuget-library-type", library.type())
                    .property("assay:nuget-path", textual(library.node().path("path")));
            NuGet.sha512(library.node().path("sha512").asText("")).ifPresent(component::hash);
            components.add(component.build());
        }

        List<Relationship> relationships = new ArrayList<>();
        for (Iterator<JsonNode> targets = deps.path("targets").elements(); targets.hasNext(); ) {
            JsonNode target = targets.next();
            for (Iterator<Map.Entry<String, JsonNode>> entries = target.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                Library from = byKey.get(entry.getKey().toLowerCase(Locale.ROOT));
                if (from == null) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> dependencies =
                                entry.getValue().path("dependencies").fields();
                        dependencies.hasNext(); ) {
                    Map.Entry<String, JsonNode> dependency = dependencies.next();
                    String key =
                            (dependency.getKey() + "/" + dependency.getValue().asText("")).toLowerCase(Locale.ROOT);
                    Library to = byKey.getOrDefault(
                            key, byName.get(dependency.getKey().toLowerCase(Locale.ROOT)));
                    if (to != null) {
                        relationships.add(Relationship.dependsOn(from.purl(), to.purl()));
                    }
                }
            }
        }
        return new CatalogResult(components, relationships, unknowns);
    }

    private static String textual(JsonNode node) {
        return node.isTextual() && node.asText().length() <= 300 ? node.asText() : "";
    }
}
