package dev.assay.catalog.python;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code poetry.lock} (lock formats 1.0 to 2.1). Scope comes from the lock when it says so
 * ({@code category = "dev"} before Poetry 1.5, {@code groups} from Poetry 2); lock format 2.0 says
 * neither, so scope is then derived from the sibling {@code pyproject.toml}'s groups by walking the graph.
 * File hashes are per package since lock 2.0 and under {@code [metadata.files]} before.
 */
final class PoetryLockParser {
    private static final Logger LOG = LoggerFactory.getLogger(PoetryLockParser.class);
    private static final String VERSION_SOURCE = "poetry.lock";

    private PoetryLockParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        String fileName = input.location().path();
        Map<String, Object> document = TomlDocument.parse(input.text(), fileName);
        Map<String, Object> metadata = TomlDocument.table(document, "metadata");
        Map<String, Object> legacyFiles = TomlDocument.table(metadata, "files");
        Map<String, Object> legacyHashes = TomlDocument.table(metadata, "hashes");

        LockfileGraph graph = new LockfileGraph();
        Map<Purl, Component.Builder> builders = new LinkedHashMap<>();
        Map<Purl, Scope> lockScopes = new LinkedHashMap<>();
        List<Map<String, Object>> packages = TomlDocument.tables(document.get("package"));
        Map<Purl, Map<String, Object>> dependenciesOf = new LinkedHashMap<>();
        for (Map<String, Object> locked : packages) {
            String name = TomlDocument.string(locked, "name");
            String version = TomlDocument.string(locked, "version");
            if (!PypiPackages.isValidName(name) || version.isBlank()) {
                LOG.debug("{}: skipping a package without a valid name and version: {}", fileName, name);
                continue;
            }
            Purl purl = PypiPackages.purl(name, version);
            Component.Builder builder =
                    input.component(purl, VERSION_SOURCE).name(name).version(version.strip());
            for (Map<String, Object> file : TomlDocument.tables(locked.get("files"))) {
                PypiPackages.hash(TomlDocument.string(file, "hash")).ifPresent(builder::hash);
            }
            for (Map<String, Object> file : TomlDocument.tables(legacyFiles.get(name))) {
                PypiPackages.hash(TomlDocument.string(file, "hash")).ifPresent(builder::hash);
            }
            for (String hex : TomlDocument.strings(legacyHashes.get(name))) {
                PypiPackages.hash("sha256", hex).ifPresent(builder::hash);
            }
            Map<String, Object> source = TomlDocument.table(locked, "source");
            builder.property("assay:source-type", TomlDocument.string(source, "type"));
            builder.property("assay:source-url", TomlDocument.string(source, "url"));
            lockScope(locked).ifPresent(scope -> lockScopes.put(purl, scope));
            builders.merge(purl, builder, (first, second) -> first);
            dependenciesOf.put(purl, TomlDocument.table(locked, "dependencies"));
            graph.addPackage(name, version.strip(), purl);
        }
        dependenciesOf.forEach((from, dependencies) ->
                dependencies.keySet().forEach(dependency -> graph.dependsOn(from, dependency, "")));

        List<Unknown> unknowns = new ArrayList<>();
        PyprojectManifest manifest = PyprojectManifest.besides(input, unknowns);
        Map<Scope, Set<Purl>> starts = LockfileGraph.newStarts();
        manifest.directDependencies()
                .forEach((scope, names) ->
                        names.forEach(name -> starts.get(scope).addAll(graph.resolve(name, ""))));
        Map<Purl, Scope> reached = LockfileGraph.scopes(starts, Map.copyOf(graph.edges()));

        List<Component> components = new ArrayList<>();
        builders.forEach((purl, builder) ->
                components.add(builder.scope(lockScopes.getOrDefault(purl, reached.getOrDefault(purl, Scope.REQUIRED)))
                        .build()));
        if (manifest.hasProject()) {
            Purl root = PypiPackages.purl(manifest.name(), manifest.version());
            components.add(ProjectRoots.root(input, manifest, root));
            starts.values().forEach(targets -> targets.forEach(target -> graph.dependsOn(root, target)));
        }
        return new CatalogResult(components, graph.relationships(), unknowns);
    }

    /**
     * What the lock itself says about scope: {@code category} (Poetry before 1.5) or {@code groups}
     * (Poetry 2). A package only some extra of the project needs is {@code optional = true}.
     */
    private static Optional<Scope> lockScope(Map<String, Object> locked) {
        String category = TomlDocument.string(locked, "category");
        List<String> groups = TomlDocument.strings(locked.get("groups"));
        Scope scope;
        if (!groups.isEmpty()) {
            scope = groups.contains("main") ? Scope.REQUIRED : Scope.EXCLUDED;
        } else if (!category.isEmpty()) {
            scope = category.equals("dev") ? Scope.EXCLUDED : Scope.REQUIRED;
        } else {
            return Optional.empty();
        }
        if (scope == Scope.REQUIRED && Boolean.TRUE.equals(locked.get("optional"))) {
            scope = Scope.OPTIONAL;
        }
        return Optional.of(scope);
    }
}
