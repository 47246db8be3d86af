package dev.assay.catalog.javascript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * npm's package-lock.json and npm-shrinkwrap.json. Lockfile versions 2 and 3 list every installed folder
 * in {@code packages}, keyed by its path; a dependency is found the way Node's module resolution finds it,
 * in the nearest {@code node_modules} folder up the path. Version 1 nests the same tree in
 * {@code dependencies}, and {@code requires} are resolved up the nesting the same way.
 */
final class PackageLockParser {
    private static final String NODE_MODULES = "node_modules/";

    private final ParseInput input;
    private final String source;
    private final PackageGraph graph = new PackageGraph();

    private PackageLockParser(ParseInput input) {
        this.input = input;
        this.source = NpmPackages.fileName(input.location());
    }

    static CatalogResult parse(ParseInput input) throws IOException {
        if (NpmPackages.insideNodeModules(input.location())
                && NpmPackages.fileName(input.location()).equals("package-lock.json")) {
            // npm never reads a dependency's package-lock.json; only a published npm-shrinkwrap.json counts.
            return CatalogResult.EMPTY;
        }
        JsonNode lock = SafeJson.read(input.bytes(), input.location().path());
        if (!lock.isObject()) {
            throw new UnableToParseException(
                    input.location().path() + " is not a JSON object",
                    input.location().path());
        }
        PackageLockParser parser = new PackageLockParser(input);
        JsonNode packages = lock.get("packages");
        if (packages != null && packages.isObject()) {
            parser.parsePackages(lock, packages);
        } else {
            parser.parseDependencyTree(lock);
        }
        return parser.graph.toResult();
    }

    // ---- lockfileVersion 2 and 3 ----

    private void parsePackages(JsonNode lock, JsonNode packages) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = packages.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                entries.put(field.getKey(), field.getValue());
            }
        }
        Map<String, PackageGraph.Node> nodeByPath = new HashMap<>();
        Map<String, String> linkTargets = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries.entrySet()) {
            String path = entry.getKey();
            JsonNode json = entry.getValue();
            if (path.isEmpty()) {
                continue;
            }
            if (json.path("link").asBoolean(false)) {
                // A workspace symlink: the package itself is the entry at the link's target path.
                linkTargets.put(path, NpmPackages.text(json, "resolved"));
                continue;
            }
            String name = NpmPackages.text(json, "name");
            if (name.isEmpty()) {
                name = path.contains(NODE_MODULES) ? NpmPackages.nameFromInstallPath(path) : lastSegment(path);
            }
            node(name, NpmPackages.text(json, "version"), json).ifPresent(node -> nodeByPath.put(path, node));
        }

        JsonNode rootEntry = entries.getOrDefault("", lock);
        String rootName = firstNonEmpty(NpmPackages.text(rootEntry, "name"), NpmPackages.text(lock, "name"));
        String rootVersion = firstNonEmpty(NpmPackages.text(rootEntry, "version"), NpmPackages.text(lock, "version"));
        root(rootName, rootVersion, rootEntry);

        Resolver resolver = (from, name) -> {
            String found = resolveInstallPath(entries, from, name);
            if (found == null) {
                return null;
            }
            String target = linkTargets.getOrDefault(found, found);
            return nodeByPath.get(target);
        };
        for (Map.Entry<String, PackageGraph.Node> entry : nodeByPath.entrySet()) {
            String path = entry.getKey();
            JsonNode json = entries.get(path);
            link(entry.getValue(), path, json, resolver);
        }
        if (entries.containsKey("")) {
            linkRoot(rootEntry, resolver);
        }
        // Workspace members are folders of the project outside node_modules: part of the project itself.
        nodeByPath.forEach((path, node) -> {
            if (isWorkspaceMember(path)) {
                graph.rootDependsOn(node, Scope.REQUIRED);
            }
        });
    }

    /** Node's lookup: {@code <dir>/node_modules/<name>} for each directory from {@code from} up to the root. */
    private static String resolveInstallPath(Map<String, JsonNode> entries, String from, String name) {
        String directory = from;
        while (true) {
            if (!directory.endsWith("node_modules")) {
                String candidate = directory.isEmpty() ? NODE_MODULES + name : directory + "/" + NODE_MODULES + name;
                if (entries.containsKey(candidate)) {
                    return candidate;
                }
            }
            if (directory.isEmpty()) {
                return null;
            }
            int slash = directory.lastIndexOf('/');
            directory = slash < 0 ? "" : directory.substring(0, slash);
        }
    }

    private void link(PackageGraph.Node node, String path, JsonNode json, Resolver resolver) {
        for (String name : PackageManifest.ranges(json.get("dependencies")).keySet()) {
            node.dependsOn(resolver.resolve(path, name), Scope.REQUIRED);
        }
        for (String name : PackageManifest.ranges(json.get("peerDependencies")).keySet()) {
            // npm 7+ installs peers; an unmet optional peer simply does not resolve.
            node.dependsOn(resolver.resolve(path, name), Scope.REQUIRED);
        }
        for (String name :
                PackageManifest.ranges(json.get("optionalDependencies")).keySet()) {
            node.dependsOn(resolver.resolve(path, name), Scope.OPTIONAL);
        }
        if (isWorkspaceMember(path)) {
            // npm installs a workspace member's devDependencies too (an installed package's are ignored).
            for (String name :
                    PackageManifest.ranges(json.get("devDependencies")).keySet()) {
                node.dependsOn(resolver.resolve(path, name), Scope.EXCLUDED);
            }
        }
    }

    private static boolean isWorkspaceMember(String path) {
        return !path.startsWith(NODE_MODULES) && !path.contains("/" + NODE_MODULES);
    }

    private void linkRoot(JsonNode rootEntry, Resolver resolver) {
        PackageManifest manifest = PackageManifest.of(rootEntry);
        manifest.dependencies()
                .keySet()
                .forEach(name -> graph.rootDependsOn(resolver.resolve("", name), Scope.REQUIRED));
        manifest.peerDependencies()
                .keySet()
                .forEach(name -> graph.rootDependsOn(resolver.resolve("", name), Scope.REQUIRED));
        manifest.optionalDependencies()
                .keySet()
                .forEach(name -> graph.rootDependsOn(resolver.resolve("", name), Scope.OPTIONAL));
        manifest.devDependencies()
                .keySet()
                .forEach(name -> graph.rootDependsOn(resolver.resolve("", name), Scope.EXCLUDED));
    }

    @FunctionalInterface
    private interface Resolver {
        PackageGraph.Node resolve(String fromPath, String name);
    }

    // ---- lockfileVersion 1 ----

    /** One entry of the nested version-1 tree; the top-level container is an entry without a node. */
    private static final class TreeEntry {
        final TreeEntry parent;
        final JsonNode json;
        final Map<String, TreeEntry> children = new HashMap<>();
        PackageGraph.Node node;

        TreeEntry(TreeEntry parent, JsonNode json) {
            this.parent = parent;
            this.json = json;
        }

        /** The entry a {@code requires} name means here: a child of this entry or of the nearest ancestor. */
        TreeEntry resolve(String name) {
            for (TreeEntry scope = this; scope != null; scope = scope.parent) {
                TreeEntry found = scope.children.get(name);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    private void parseDependencyTree(JsonNode lock) {
        TreeEntry top = new TreeEntry(null, lock);
        List<TreeEntry> all = new ArrayList<>();
        collect(top, lock.get("dependencies"), all);
        Set<TreeEntry> required = new HashSet<>();
        for (TreeEntry entry : all) {
            if (entry.node == null) {
                continue;
            }
            for (Map.Entry<String, String> requirement :
                    PackageManifest.ranges(entry.json.get("requires")).entrySet()) {
                TreeEntry dependency = entry.resolve(requirement.getKey());
                if (dependency != null && dependency.node != null) {
                    entry.node.dependsOn(dependency.node, Scope.REQUIRED);
                    required.add(dependency);
                }
            }
        }
        root(NpmPackages.text(lock, "name"), NpmPackages.text(lock, "version"), lock);
        String manifestPath = NpmPackages.directoryPrefix(input.location()) + "package.json";
        Optional<PackageManifest> manifest = PackageManifest.read(input, manifestPath);
        if (manifest.isPresent()) {
            for (String name : manifest.get().allDependencyNames()) {
                TreeEntry dependency = top.children.get(name);
                if (dependency != null && dependency.node != null) {
                    graph.rootDependsOn(dependency.node, Scope.REQUIRED);
                }
            }
        } else {
            // Without package.json the direct dependencies are the top-level entries nothing else requires.
            top.children.values().stream()
                    .filter(entry -> entry.node != null && !required.contains(entry))
                    .forEach(entry -> graph.rootDependsOn(entry.node, Scope.REQUIRED));
        }
    }

    private void collect(TreeEntry parent, JsonNode dependencies, List<TreeEntry> all) {
        if (dependencies == null || !dependencies.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = dependencies.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isObject()) {
                continue;
            }
            // A few generators wrote install paths instead of names as keys.
            String key = NpmPackages.nameFromInstallPath(field.getKey());
            TreeEntry entry = new TreeEntry(parent, field.getValue());
            parent.children.put(key, entry);
            all.add(entry);
            String name = key;
            String version = NpmPackages.text(field.getValue(), "version");
            if (version.startsWith("npm:")) {
                // An alias: "foo": {"version": "npm:bar@1.0.0"} installs bar under the name foo.
                String aliased = version.substring(4);
                int at = aliased.lastIndexOf('@');
                if (at > 0) {
                    name = aliased.substring(0, at);
                    version = aliased.substring(at + 1);
                }
            }
            entry.node = node(name, version, field.getValue()).orElse(null);
            collect(entry, field.getValue().get("dependencies"), all);
        }
    }

    // ---- shared ----

    private Optional<PackageGraph.Node> node(String name, String version, JsonNode json) {
        if (name.isBlank()) {
            return Optional.empty();
        }
        String purlVersion = version.startsWith("file:") ? "" : version;
        try {
            Purl purl = NpmPackages.purl(name, purlVersion);
            PackageGraph.Node node = graph.add(
                    purl,
                    input.component(purl, source)
                            .licenses(NpmPackages.licenses(json))
                            .property("assay:npm-resolved", NpmPackages.text(json, "resolved")));
            NpmPackages.integrityHashes(NpmPackages.text(json, "integrity")).forEach(node.component::hash);
            node.statedScope = statedScope(json);
            return Optional.of(node);
        } catch (InvalidInputException e) {
            graph.unknown(new Unknown(
                    input.location(),
                    input.catalogerId(),
                    "skipped package " + name + "@" + version + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Scope statedScope(JsonNode json) {
        if (json.path("dev").asBoolean(false) || json.path("devOptional").asBoolean(false)) {
            return Scope.EXCLUDED;
        }
        if (json.path("optional").asBoolean(false)) {
            return Scope.OPTIONAL;
        }
        return Scope.REQUIRED;
    }

    private void root(String name, String version, JsonNode json) {
        if (name.isBlank()) {
            return;
        }
        try {
            Purl purl = NpmPackages.purl(name, version);
            graph.root(purl, input.component(purl, source).licenses(NpmPackages.licenses(json)));
        } catch (InvalidInputException e) {
            graph.unknown(new Unknown(
                    input.location(),
                    input.catalogerId(),
                    "root project " + name + " has no valid purl: " + e.getMessage()));
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String firstNonEmpty(String first, String second) {
        return first.isBlank() ? second : first;
    }
}
