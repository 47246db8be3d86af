package dev.assay.catalog.javascript;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.SafeYaml;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x. Package keys changed between versions:
 * {@code /name/1.0.0_peer@2.0.0} (5), {@code /name@1.0.0(peer@2.0.0)} (6) and {@code name@1.0.0(peer@2.0.0)}
 * (9, where {@code packages} holds metadata and {@code snapshots} the per-peer-set dependencies). A
 * dependency reference is turned back into a key by trying each spelling. Importers are the projects of
 * a workspace; their package.json gives the components' names.
 */
final class PnpmLockParser {
    private static final String SOURCE = "pnpm-lock.yaml";
    private static final Map<String, Scope> IMPORTER_SECTIONS = new LinkedHashMap<>();

    static {
        IMPORTER_SECTIONS.put("dependencies", Scope.REQUIRED);
        IMPORTER_SECTIONS.put("optionalDependencies", Scope.OPTIONAL);
        IMPORTER_SECTIONS.put("devDependencies", Scope.EXCLUDED);
        // pnpm's own environment lockfile document: the package manager is build tooling.
        IMPORTER_SECTIONS.put("packageManagerDependencies", Scope.EXCLUDED);
        IMPORTER_SECTIONS.put("configDependencies", Scope.EXCLUDED);
    }

    private final ParseInput input;
    private final String directory;
    private final PackageGraph graph = new PackageGraph();

    private PnpmLockParser(ParseInput input) {
        this.input = input;
        this.directory = NpmPackages.directoryPrefix(input.location());
    }

    static CatalogResult parse(ParseInput input) throws IOException {
        if (NpmPackages.insideNodeModules(input.location())) {
            return CatalogResult.EMPTY;
        }
        String path = input.location().path();
        List<Object> documents = SafeYaml.loadAll(input.text(), path);
        PnpmLockParser parser = new PnpmLockParser(input);
        boolean any = false;
        for (Object document : documents) {
            if (document instanceof Map<?, ?> map && map.containsKey("lockfileVersion")) {
                parser.parseDocument(map);
                any = true;
            }
        }
        if (!any) {
            throw new UnableToParseException(path + " is not a pnpm lockfile (no lockfileVersion)", path);
        }
        return parser.graph.toResult();
    }

    private void parseDocument(Map<?, ?> document) {
        String lockfileVersion = string(document.get("lockfileVersion")).replace("'", "");
        boolean slashKeys =
                lockfileVersion.startsWith("5") || lockfileVersion.startsWith("4") || lockfileVersion.startsWith("3");
        Map<?, ?> packages = map(document.get("packages"));
        Map<?, ?> snapshots = map(document.get("snapshots"));
        Map<?, ?> instances = snapshots.isEmpty() ? packages : snapshots;

        Map<String, PackageGraph.Node> nodeByKey = new HashMap<>();
        for (Map.Entry<?, ?> field : instances.entrySet()) {
            String key = String.valueOf(field.getKey());
            Map<?, ?> instance = map(field.getValue());
            Map<?, ?> metadata = snapshots.isEmpty() ? instance : map(packages.get(withoutPeers(key, slashKeys)));
            PackageGraph.Node node = node(key, instance, metadata, slashKeys);
            if (node != null) {
                nodeByKey.put(key, node);
            }
        }
        for (Map.Entry<?, ?> field : instances.entrySet()) {
            PackageGraph.Node node = nodeByKey.get(String.valueOf(field.getKey()));
            if (node == null) {
                continue;
            }
            Map<?, ?> instance = map(field.getValue());
            references(instance.get("dependencies"))
                    .forEach((name, reference) -> node.dependsOn(find(nodeByKey, name, reference), Scope.REQUIRED));
            references(instance.get("optionalDependencies"))
                    .forEach((name, reference) -> node.dependsOn(find(nodeByKey, name, reference), Scope.OPTIONAL));
        }

        Map<?, ?> importers = map(document.get("importers"));
        Map<String, Map<?, ?>> sectionsByImporter = new LinkedHashMap<>();
        if (importers.isEmpty()) {
            // Single-project lockfiles before v9 keep the root importer's sections at the top level.
            sectionsByImporter.put(".", document);
        } else {
            importers.forEach(
                    (path, sections) -> sectionsByImporter.put(importerPath(String.valueOf(path)), map(sections)));
        }
        // Every workspace project first, so that a `link:` to one listed later still finds it.
        Map<String, PackageGraph.Node> projects = new HashMap<>();
        sectionsByImporter.keySet().forEach(path -> {
            PackageGraph.Node project = project(path);
            if (project != null) {
                projects.put(path, project);
            }
        });
        sectionsByImporter.forEach((path, sections) -> importer(path, sections, nodeByKey, projects));
    }

    /** The project an importer path names, from its package.json; null when it has no name and version. */
    private PackageGraph.Node project(String path) {
        boolean isRoot = path.equals(".");
        String manifestPath = isRoot ? directory + "package.json" : directory + path + "/package.json";
        Optional<PackageManifest> manifest = PackageManifest.read(input, manifestPath);
        if (manifest.isEmpty() || !manifest.get().hasIdentity()) {
            return null;
        }
        if (isRoot) {
            return graph.hasRoot() ? null : root(manifest.get());
        }
        return member(manifest.get(), path);
    }

    private void importer(
            String path,
            Map<?, ?> sections,
            Map<String, PackageGraph.Node> nodeByKey,
            Map<String, PackageGraph.Node> projects) {
        boolean isRoot = path.equals(".");
        PackageGraph.Node project = projects.get(path);
        for (Map.Entry<String, Scope> section : IMPORTER_SECTIONS.entrySet()) {
            Scope scope = section.getValue();
            for (Map.Entry<String, String> dependency :
                    references(sections.get(section.getKey())).entrySet()) {
                String reference = dependency.getValue();
                PackageGraph.Node target = reference.startsWith("link:")
                        ? projects.get(importerPath(linkTarget(path, reference.substring("link:".length()))))
                        : find(nodeByKey, dependency.getKey(), reference);
                if (project != null) {
                    project.dependsOn(target, scope);
                } else if (isRoot) {
                    graph.rootDependsOn(target, scope);
                } else {
                    graph.seed(target, scope);
                }
            }
        }
    }

    private PackageGraph.Node root(PackageManifest manifest) {
        try {
            Purl purl = NpmPackages.purl(manifest.name(), manifest.version());
            return graph.root(purl, input.component(purl, "package.json").licenses(manifest.licenses()));
        } catch (InvalidInputException e) {
            graph.unknown(unknown("root project " + manifest.name() + " has no valid purl: " + e.getMessage()));
            return null;
        }
    }

    private PackageGraph.Node member(PackageManifest manifest, String path) {
        try {
            Purl purl = NpmPackages.purl(manifest.name(), manifest.version());
            PackageGraph.Node node = graph.add(
                    purl,
                    input.component(purl, "package.json")
                            .licenses(manifest.licenses())
                            .property("assay:workspace", path));
            graph.rootDependsOn(node, Scope.REQUIRED);
            return node;
        } catch (InvalidInputException e) {
            graph.unknown(unknown("workspace " + path + " has no valid purl: " + e.getMessage()));
            return null;
        }
    }

    private PackageGraph.Node node(String key, Map<?, ?> instance, Map<?, ?> metadata, boolean slashKeys) {
        String[] nameAndVersion = nameAndVersion(withoutPeers(key, slashKeys), slashKeys);
        String name = firstNonEmpty(string(metadata.get("name")), nameAndVersion[0]);
        String version = firstNonEmpty(string(metadata.get("version")), nameAndVersion[1]);
        if (name.isEmpty() || version.isEmpty()) {
            graph.unknown(unknown("cannot tell the name and version of package " + key));
            return null;
        }
        try {
            Purl purl = NpmPackages.purl(name, version);
            Component.Builder component = input.component(purl, SOURCE);
            Map<?, ?> resolution = map(metadata.get("resolution"));
            NpmPackages.integrityHashes(string(resolution.get("integrity"))).forEach(component::hash);
            component.property("assay:npm-resolved", string(resolution.get("tarball")));
            PackageGraph.Node node = graph.add(purl, component);
            node.statedScope = statedScope(instance.isEmpty() ? metadata : instance, metadata);
            return node;
        } catch (InvalidInputException e) {
            graph.unknown(unknown("skipped package " + key + ": " + e.getMessage()));
            return null;
        }
    }

    /**
     * pnpm 5 and 6 record {@code dev: true} (dev only), {@code dev: false} (production) and omit it for
     * packages used by both; 9 records nothing, so the scope is derived from the importers. An optional
     * flag alone says nothing about dev use (an optional native binary of a dev tool is still dev only),
     * so without a dev flag the graph decides.
     */
    private static Scope statedScope(Map<?, ?> instance, Map<?, ?> metadata) {
        String dev = firstNonEmpty(string(instance.get("dev")), string(metadata.get("dev")));
        String optional = firstNonEmpty(string(instance.get("optional")), string(metadata.get("optional")));
        return switch (dev) {
            case "true" -> Scope.EXCLUDED;
            case "false" -> optional.equals("true") ? Scope.OPTIONAL : Scope.REQUIRED;
            default -> null;
        };
    }

    /** An importer path as pnpm writes it, without "./" and trailing slashes; "." for the root. */
    static String importerPath(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    /** Where {@code link:TARGET} written in importer {@code from} points, relative to the lockfile. */
    static String linkTarget(String from, String target) {
        return from.equals(".") ? target : from + "/" + target;
    }

    /** The node a {@code name: reference} dependency means, trying the key spellings of every version. */
    private static PackageGraph.Node find(Map<String, PackageGraph.Node> nodeByKey, String name, String reference) {
        if (reference.isEmpty() || reference.startsWith("link:")) {
            return null;
        }
        String[] candidates = {
            name + "@" + reference,
            "/" + name + "@" + reference,
            "/" + name + "/" + reference,
            reference,
            "/" + reference
        };
        for (String candidate : candidates) {
            PackageGraph.Node node = nodeByKey.get(candidate);
            if (node != null) {
                return node;
            }
        }
        return null;
    }

    /** Drops the peer-dependency suffix: {@code (peer@2.0.0)} from 6 on, {@code _peer@2.0.0} in 5. */
    static String withoutPeers(String key, boolean slashKeys) {
        int parenthesis = key.indexOf('(');
        String stripped = parenthesis > 0 ? key.substring(0, parenthesis) : key;
        if (slashKeys) {
            int lastSlash = stripped.lastIndexOf('/');
            int underscore = stripped.indexOf('_', Math.max(lastSlash, 0));
            if (underscore > 0) {
                stripped = stripped.substring(0, underscore);
            }
        }
        return stripped;
    }

    /** Splits a key without peers into name and version; empty parts when the key is not of that shape. */
    static String[] nameAndVersion(String key, boolean slashKeys) {
        String bare = key.startsWith("/") ? key.substring(1) : key;
        if (slashKeys) {
            int nameEnd = bare.indexOf('/', bare.startsWith("@") ? bare.indexOf('/') + 1 : 0);
            if (nameEnd > 0) {
                return new String[] {bare.substring(0, nameEnd), bare.substring(nameEnd + 1)};
            }
        }
        int at = bare.lastIndexOf('@');
        if (at > 0) {
            return new String[] {bare.substring(0, at), bare.substring(at + 1)};
        }
        return new String[] {"", ""};
    }

    /** Dependency sections: {@code name: ref} (5, packages of every version) or {@code name: {version: ref}}. */
    private static Map<String, String> references(Object section) {
        Map<String, String> references = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map(section).entrySet()) {
            Object value = entry.getValue();
            String reference = value instanceof Map<?, ?> detailed ? string(detailed.get("version")) : string(value);
            references.put(String.valueOf(entry.getKey()), reference);
        }
        return references;
    }

    private Unknown unknown(String reason) {
        return new Unknown(input.location(), input.catalogerId(), reason);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String string(Object value) {
        return value instanceof String text ? text.strip() : "";
    }

    private static String firstNonEmpty(String first, String second) {
        return first.isEmpty() ? second : first;
    }
}
