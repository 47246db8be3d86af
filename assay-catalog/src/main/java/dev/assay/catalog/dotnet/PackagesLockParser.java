package dev.assay.catalog.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Location;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a NuGet {@code packages.lock.json}: for each target framework, every package with its {@code type}
 * ({@code Direct}, {@code Transitive}, {@code CentralTransitive} or {@code Project}), {@code resolved}
 * version, {@code contentHash} (base64 SHA-512 of the .nupkg) and {@code dependencies}. The project the
 * lock belongs to (the {@code *.csproj} next to it) is the root that depends on the direct packages.
 */
final class PackagesLockParser {
    static final String VERSION_SOURCE = "packages.lock.json";

    private PackagesLockParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        JsonNode lock = SafeJson.read(input.bytes(), input.location().path());
        JsonNode frameworks = lock.path("dependencies");
        if (!lock.isObject() || !frameworks.isObject()) {
            throw new UnableToParseException(
                    input.location().path() + " has no 'dependencies' object",
                    input.location().path());
        }
        List<Component> components = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        Optional<Purl> root = projectName(input).map(name -> Purl.of(PackageType.NUGET, "", name, ""));
        root.ifPresent(purl -> components.add(input.component(purl, "project file name")
                .kind(ComponentKind.APPLICATION)
                .build()));

        for (Iterator<Map.Entry<String, JsonNode>> tfms = frameworks.fields(); tfms.hasNext(); ) {
            Map.Entry<String, JsonNode> framework = tfms.next();
            if (!framework.getValue().isObject()) {
                continue;
            }
            Map<String, Purl> resolved = new HashMap<>();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            framework.getValue().fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                String id = entry.getKey();
                JsonNode node = entry.getValue();
                String type = node.path("type").asText("");
                String version = node.path("resolved").asText("");
                boolean project = type.equals("Project");
                if (!NuGet.isId(id) || (!project && !NuGet.isVersion(version))) {
                    unknowns.add(new Unknown(
                            input.location(),
                            input.catalogerId(),
                            "package entry '" + printable(id) + "' in " + printable(framework.getKey())
                                    + " has no valid id and resolved version"));
                    continue;
                }
                Purl purl = NuGet.purl(id, project ? "" : version);
                resolved.put(id.toLowerCase(Locale.ROOT), purl);
                Component.Builder component = input.component(purl, VERSION_SOURCE)
                        .property("assay:nuget-dependency-type", type)
                        .property("assay:nuget-target-framework", framework.getKey());
                NuGet.sha512(node.path("contentHash").asText("")).ifPresent(component::hash);
                components.add(component.build());
                if (root.isPresent() && (type.equals("Direct") || project)) {
                    relationships.add(Relationship.dependsOn(root.get(), purl));
                }
            }
            for (Map.Entry<String, JsonNode> entry : entries) {
                Purl from = resolved.get(entry.getKey().toLowerCase(Locale.ROOT));
                if (from == null) {
                    continue;
                }
                for (Iterator<String> names =
                                entry.getValue().path("dependencies").fieldNames();
                        names.hasNext(); ) {
                    Purl to = resolved.get(names.next().toLowerCase(Locale.ROOT));
                    if (to != null) {
                        relationships.add(Relationship.dependsOn(from, to));
                    }
                }
            }
        }
        return new CatalogResult(components, relationships, unknowns);
    }

    /** The name of the single project file next to the lock, which is the project's name. */
    private static Optional<String> projectName(ParseInput input) {
        String path = input.location().path();
        int slash = path.lastIndexOf('/');
        String directory = slash < 0 ? "" : path.substring(0, slash + 1);
        String escaped = escapeGlob(directory);
        List<Location> projects = input.files()
                .files(PathPattern.anyOf(escaped + "*.csproj", escaped + "*.fsproj", escaped + "*.vbproj"));
        if (projects.size() != 1) {
            return Optional.empty();
        }
        String file = projects.get(0).path().substring(directory.length());
        String name = file.substring(0, file.lastIndexOf('.'));
        return NuGet.isId(name) ? Optional.of(name) : Optional.empty();
    }

    /** Directory names are data, not patterns: a folder called {@code a[1]} must match only itself. */
    private static String escapeGlob(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if ("*?[]{}\\".indexOf(ch) >= 0) {
                escaped.append('\\');
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }

    /** Shortens and cleans a value from the file before it goes into a message. */
    private static String printable(String value) {
        String shortened = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return shortened.replaceAll("[\\p{Cntrl}\\x{FFFD}]", "?");
    }
}
