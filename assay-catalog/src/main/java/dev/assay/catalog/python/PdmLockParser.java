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
 * Reads {@code pdm.lock}. PDM writes one entry per extras combination of a package ({@code coverage} and
 * {@code coverage[toml]}); they are one component. Scope comes from the entry's {@code groups} (lock 4.4+):
 * {@code default} is required, a group the project declares as an extra optional, any other group
 * (dev groups) excluded; older locks take scope from the sibling {@code pyproject.toml} through the graph.
 * Hashes are per entry ({@code files}) or, in older locks, under {@code [metadata.files]} keyed
 * {@code "name version"}.
 */
final class PdmLockParser {
    private static final Logger LOG = LoggerFactory.getLogger(PdmLockParser.class);
    private static final String VERSION_SOURCE = "pdm.lock";

    private PdmLockParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        String fileName = input.location().path();
        Map<String, Object> document = TomlDocument.parse(input.text(), fileName);
        Map<String, Object> legacyFiles = TomlDocument.table(TomlDocument.table(document, "metadata"), "files");
        List<Unknown> unknowns = new ArrayList<>();
        PyprojectManifest manifest = PyprojectManifest.besides(input, unknowns);

        LockfileGraph graph = new LockfileGraph();
        Map<Purl, Component.Builder> builders = new LinkedHashMap<>();
        Map<Purl, Scope> lockScopes = new LinkedHashMap<>();
        Map<Purl, List<String>> dependenciesOf = new LinkedHashMap<>();
        for (Map<String, Object> locked : TomlDocument.tables(document.get("package"))) {
            String name = TomlDocument.string(locked, "name");
            String version = TomlDocument.string(locked, "version").strip();
            if (!PypiPackages.isValidName(name) || version.isEmpty()) {
                LOG.debug("{}: skipping a package without a valid name and version: {}", fileName, name);
                continue;
            }
            Purl purl = PypiPackages.purl(name, version);
            Component.Builder builder = builders.computeIfAbsent(
                    purl, key -> input.component(key, VERSION_SOURCE).name(name).version(version));
            for (Map<String, Object> file : TomlDocument.tables(locked.get("files"))) {
                PypiPackages.hash(TomlDocument.string(file, "hash")).ifPresent(builder::hash);
            }
            for (Map<String, Object> file : TomlDocument.tables(legacyFiles.get(name + " " + version))) {
                PypiPackages.hash(TomlDocument.string(file, "hash")).ifPresent(builder::hash);
            }
            lockScope(TomlDocument.strings(locked.get("groups")), manifest)
                    .ifPresent(scope -> lockScopes.merge(
                            purl, scope, (first, second) -> first.compareTo(second) <= 0 ? first : second));
            dependenciesOf
                    .computeIfAbsent(purl, key -> new ArrayList<>())
                    .addAll(TomlDocument.strings(locked.get("dependencies")));
            graph.addPackage(name, version, purl);
        }
        dependenciesOf.forEach((from, dependencies) -> {
            for (String dependency : dependencies) {
                PythonRequirement.parse(dependency)
                        .ifPresent(requirement -> graph.dependsOn(
                                from,
                                requirement.name(),
                                requirement.pinnedVersion().orElse("")));
            }
        });

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

    private static Optional<Scope> lockScope(List<String> groups, PyprojectManifest manifest) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        if (groups.contains("default")) {
            return Optional.of(Scope.REQUIRED);
        }
        boolean optional = groups.stream()
                .anyMatch(group -> manifest.extras().contains(PypiPackages.normalize(group))
                        || (!manifest.hasProject() && !RequirementsFileParser.isDevFile(group)));
        return Optional.of(optional ? Scope.OPTIONAL : Scope.EXCLUDED);
    }
}
