package dev.assay.catalog.python;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code uv.lock}. The project itself is in the lock as the package whose source is {@code virtual}
 * or {@code editable} at {@code "."}: it becomes the APPLICATION root; other workspace members (editable
 * or virtual elsewhere) stay libraries. Scopes follow the graph from the workspace members: their
 * {@code dependencies} are required, their {@code optional-dependencies} optional and their
 * {@code dev-dependencies} excluded. A registry package's optional dependencies become edges only for
 * the extras some dependent actually asks for ({@code { name = "httpx", extra = ["http2"] }}).
 */
final class UvLockParser {
    private static final Logger LOG = LoggerFactory.getLogger(UvLockParser.class);
    private static final String VERSION_SOURCE = "uv.lock";
    private static final List<String> LOCAL_SOURCES = List.of("virtual", "editable");

    private UvLockParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        String fileName = input.location().path();
        Map<String, Object> document = TomlDocument.parse(input.text(), fileName);
        // uv before 0.3 wrote [[distribution]] for what is now [[package]].
        List<Map<String, Object>> packages = TomlDocument.tables(document.get("package"));
        if (packages.isEmpty()) {
            packages = TomlDocument.tables(document.get("distribution"));
        }
        Set<String> declaredMembers = new HashSet<>();
        TomlDocument.strings(TomlDocument.table(document, "manifest").get("members"))
                .forEach(member -> declaredMembers.add(PypiPackages.normalize(member)));

        LockfileGraph graph = new LockfileGraph();
        Map<Purl, Map<String, Object>> lockedByPurl = new LinkedHashMap<>();
        Map<Purl, Component.Builder> builders = new LinkedHashMap<>();
        Set<Purl> members = new TreeSet<>();
        for (Map<String, Object> locked : packages) {
            String name = TomlDocument.string(locked, "name");
            String version = TomlDocument.string(locked, "version").strip();
            Map<String, Object> source = TomlDocument.table(locked, "source");
            boolean member = LOCAL_SOURCES.stream().anyMatch(source::containsKey)
                    || declaredMembers.contains(PypiPackages.normalize(name));
            if (!PypiPackages.isValidName(name) || (version.isEmpty() && !member)) {
                LOG.debug("{}: skipping a package without a valid name and version: {}", fileName, name);
                continue;
            }
            Purl purl = PypiPackages.purl(name, version);
            if (lockedByPurl.containsKey(purl)) {
                continue;
            }
            boolean projectRoot = LOCAL_SOURCES.stream().anyMatch(key -> ".".equals(source.get(key)));
            Component.Builder builder = input.component(purl, version.isEmpty() ? "" : VERSION_SOURCE)
                    .name(name)
                    .version(version)
                    .kind(projectRoot ? ComponentKind.APPLICATION : ComponentKind.LIBRARY);
            PypiPackages.hash(TomlDocument.string(TomlDocument.table(locked, "sdist"), "hash"))
                    .ifPresent(builder::hash);
            for (Map<String, Object> wheel : TomlDocument.tables(locked.get("wheels"))) {
                PypiPackages.hash(TomlDocument.string(wheel, "hash")).ifPresent(builder::hash);
            }
            source.forEach((type, value) -> {
                builder.property("assay:source-type", type);
                if (value instanceof String location) {
                    builder.property("assay:source-url", location);
                }
            });
            if (member) {
                members.add(purl);
            }
            graph.addPackage(name, version, purl);
            lockedByPurl.put(purl, locked);
            builders.put(purl, builder);
        }

        Map<String, Set<String>> requestedExtras = new TreeMap<>();
        for (Map<String, Object> locked : lockedByPurl.values()) {
            collectExtras(locked.get("dependencies"), requestedExtras);
            TomlDocument.table(locked, "optional-dependencies")
                    .values()
                    .forEach(deps -> collectExtras(deps, requestedExtras));
            TomlDocument.table(locked, "dev-dependencies")
                    .values()
                    .forEach(deps -> collectExtras(deps, requestedExtras));
        }

        Map<Scope, Set<Purl>> starts = LockfileGraph.newStarts();
        Map<Purl, Set<Purl>> runtimeEdges = new TreeMap<>();
        lockedByPurl.forEach((from, locked) -> {
            String name = PypiPackages.normalize(TomlDocument.string(locked, "name"));
            boolean member = members.contains(from);
            List<Purl> required = link(graph, from, locked.get("dependencies"));
            runtimeEdges.computeIfAbsent(from, key -> new TreeSet<>()).addAll(required);
            Set<String> wanted = requestedExtras.getOrDefault(name, Set.of());
            TomlDocument.table(locked, "optional-dependencies").forEach((extra, dependencies) -> {
                if (member) {
                    starts.get(Scope.OPTIONAL).addAll(link(graph, from, dependencies));
                } else if (wanted.contains(extra)) {
                    runtimeEdges.get(from).addAll(link(graph, from, dependencies));
                }
            });
            TomlDocument.table(locked, "dev-dependencies")
                    .values()
                    .forEach(dependencies -> starts.get(Scope.EXCLUDED).addAll(link(graph, from, dependencies)));
        });
        starts.get(Scope.REQUIRED).addAll(members);
        Map<Purl, Scope> scopes = LockfileGraph.scopes(starts, runtimeEdges);

        List<Component> components = new ArrayList<>();
        builders.forEach((purl, builder) -> components.add(
                builder.scope(scopes.getOrDefault(purl, Scope.REQUIRED)).build()));
        return CatalogResult.of(components, graph.relationships());
    }

    /** Adds an edge to each dependency of a list ({@code [{ name, version?, extra? }]}); returns the targets. */
    private static List<Purl> link(LockfileGraph graph, Purl from, Object dependencies) {
        List<Purl> targets = new ArrayList<>();
        for (Map<String, Object> dependency : TomlDocument.tables(dependencies)) {
            for (Purl target : graph.resolve(
                    TomlDocument.string(dependency, "name"), TomlDocument.string(dependency, "version"))) {
                graph.dependsOn(from, target);
                targets.add(target);
            }
        }
        return targets;
    }

    private static void collectExtras(Object dependencies, Map<String, Set<String>> requested) {
        for (Map<String, Object> dependency : TomlDocument.tables(dependencies)) {
            List<String> extras = TomlDocument.strings(dependency.get("extra"));
            if (!extras.isEmpty()) {
                requested
                        .computeIfAbsent(
                                PypiPackages.normalize(TomlDocument.string(dependency, "name")), key -> new TreeSet<>())
                        .addAll(extras);
            }
        }
    }
}
