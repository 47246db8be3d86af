package dev.assay.catalog.javascript;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.Component;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yarn.lock, Classic (v1) and Berry (v2+). Dependencies are resolved through the descriptors each entry
 * lists, the way Yarn itself does; the root project and its direct dependencies (with dev ones excluded)
 * come from the package.json next to the lockfile, and workspace members from their own package.json.
 */
final class YarnLockParser {
    private static final Pattern BERRY_METADATA = Pattern.compile("(?m)^__metadata:");
    private static final Pattern SHA1_FRAGMENT = Pattern.compile("#([0-9a-fA-F]{40})$");

    private final ParseInput input;
    private final boolean berry;
    private final String directory;
    private final PackageGraph graph = new PackageGraph();
    private final Map<String, PackageGraph.Node> byDescriptor = new HashMap<>();
    private final Map<String, List<PackageGraph.Node>> byName = new HashMap<>();
    private final Map<String, PackageGraph.Node> workspaceByName = new HashMap<>();

    private YarnLockParser(ParseInput input, boolean berry) {
        this.input = input;
        this.berry = berry;
        this.directory = NpmPackages.directoryPrefix(input.location());
    }

    static CatalogResult parse(ParseInput input) throws IOException {
        if (NpmPackages.insideNodeModules(input.location())) {
            return CatalogResult.EMPTY;
        }
        String text = input.text();
        String path = input.location().path();
        boolean berry = BERRY_METADATA.matcher(text).find();
        List<YarnLockEntry> entries = berry ? YarnBerryLockReader.read(text, path) : YarnClassicLockReader.read(text);
        if (!berry && entries.isEmpty() && !text.contains("yarn lockfile v1")) {
            throw new UnableToParseException(path + " is not a yarn lockfile", path);
        }
        YarnLockParser parser = new YarnLockParser(input, berry);
        parser.build(entries);
        return parser.graph.toResult();
    }

    private void build(List<YarnLockEntry> entries) {
        Optional<PackageManifest> manifest = PackageManifest.read(input, directory + "package.json");
        YarnLockEntry rootEntry = entries.stream()
                .filter(entry -> ".".equals(entry.workspacePath()))
                .findFirst()
                .orElse(null);
        if (manifest.isPresent() && manifest.get().hasIdentity()) {
            root(manifest.get().name(), manifest.get().version(), manifest.get().licenses());
        } else if (rootEntry != null) {
            root(rootEntry.name(), "", List.of());
        }

        Map<YarnLockEntry, PackageGraph.Node> nodes = new IdentityHashMap<>();
        Map<PackageGraph.Node, PackageManifest> memberManifests = new IdentityHashMap<>();
        for (YarnLockEntry entry : entries) {
            if (entry == rootEntry) {
                continue;
            }
            Optional<PackageManifest> member = entry.isWorkspace()
                    ? PackageManifest.read(input, directory + entry.workspacePath() + "/package.json")
                    : Optional.empty();
            String version = member.map(PackageManifest::version)
                    .filter(value -> !value.isEmpty())
                    .orElse(entry.version());
            if (version.isEmpty() && !entry.isWorkspace()) {
                graph.unknown(unknown("entry " + String.join(", ", entry.descriptors()) + " has no version"));
                continue;
            }
            PackageGraph.Node node =
                    node(entry, version, member.map(PackageManifest::licenses).orElse(List.of()));
            if (node == null) {
                continue;
            }
            nodes.put(entry, node);
            entry.descriptors().forEach(descriptor -> byDescriptor.put(descriptor, node));
            byName.computeIfAbsent(entry.name(), name -> new ArrayList<>()).add(node);
            if (entry.isWorkspace()) {
                workspaceMember(entry.name(), node, entry.workspacePath());
                member.ifPresent(value -> memberManifests.put(node, value));
            }
        }
        List<PackageManifest> classicMembers = new ArrayList<>();
        List<PackageGraph.Node> classicMemberNodes = new ArrayList<>();
        if (!berry && manifest.isPresent()) {
            classicWorkspaces(manifest.get(), classicMembers, classicMemberNodes);
        }

        nodes.forEach((entry, node) -> {
            PackageManifest member = memberManifests.get(node);
            entry.dependencies().forEach((name, range) -> {
                Scope scope = entry.optionalDependencies().contains(name)
                        ? Scope.OPTIONAL
                        : member != null ? member.scopeOf(name) : Scope.REQUIRED;
                node.dependsOn(lookup(name, range), scope);
            });
        });
        for (int index = 0; index < classicMembers.size(); index++) {
            PackageManifest member = classicMembers.get(index);
            PackageGraph.Node node = classicMemberNodes.get(index);
            member.allDependencies()
                    .forEach((name, range) -> node.dependsOn(lookup(name, range), member.scopeOf(name)));
        }
        if (manifest.isPresent()) {
            PackageManifest project = manifest.get();
            project.allDependencies()
                    .forEach((name, range) -> graph.rootDependsOn(lookup(name, range), project.scopeOf(name)));
        } else if (rootEntry != null) {
            rootEntry.dependencies().forEach((name, range) -> graph.rootDependsOn(lookup(name, range), Scope.REQUIRED));
        }
    }

    /** Yarn Classic keeps workspace members out of the lockfile: they are found through the root's globs. */
    private void classicWorkspaces(
            PackageManifest project, List<PackageManifest> members, List<PackageGraph.Node> memberNodes) {
        for (String glob : project.workspaces()) {
            String pattern = directory + (glob.endsWith("/") ? glob : glob + "/") + "package.json";
            List<Location> locations;
            try {
                locations = input.files().files(PathPattern.glob(pattern));
            } catch (IllegalArgumentException e) {
                graph.unknown(unknown("workspace glob " + glob + " is not valid: " + e.getMessage()));
                continue;
            }
            for (Location location : locations) {
                if (NpmPackages.insideNodeModules(location)) {
                    continue;
                }
                Optional<PackageManifest> member = PackageManifest.read(input, location.path());
                if (member.isEmpty() || !member.get().hasIdentity()) {
                    continue;
                }
                String memberPath = location.path().substring(directory.length());
                memberPath = memberPath.substring(0, Math.max(0, memberPath.length() - "/package.json".length()));
                PackageGraph.Node node = component(
                        member.get().name(),
                        member.get().version(),
                        member.get().licenses());
                if (node != null) {
                    workspaceMember(member.get().name(), node, memberPath);
                    members.add(member.get());
                    memberNodes.add(node);
                }
            }
        }
    }

    private void workspaceMember(String name, PackageGraph.Node node, String path) {
        node.component.property("assay:workspace", path);
        workspaceByName.put(name, node);
        graph.rootDependsOn(node, Scope.REQUIRED);
    }

    private PackageGraph.Node lookup(String name, String range) {
        PackageGraph.Node found =
                byDescriptor.get(berry ? YarnDescriptors.berryDescriptor(name, range) : name + "@" + range);
        if (found == null) {
            found = byDescriptor.get(name + "@" + range);
        }
        if (found == null) {
            found = workspaceByName.get(name);
        }
        if (found == null) {
            // A range written differently from the header (whitespace, protocol): unambiguous by name only.
            List<PackageGraph.Node> candidates = byName.get(name);
            found = candidates != null && candidates.size() == 1 ? candidates.get(0) : null;
        }
        return found;
    }

    private PackageGraph.Node node(YarnLockEntry entry, String version, List<String> licenses) {
        PackageGraph.Node node = component(entry.name(), version, licenses);
        if (node == null) {
            return null;
        }
        Component.Builder component = node.component;
        NpmPackages.integrityHashes(entry.integrity()).forEach(component::hash);
        Matcher sha1 = SHA1_FRAGMENT.matcher(entry.resolved());
        if (entry.integrity().isEmpty() && sha1.find()) {
            // Classic lockfiles older than integrity fields carry the tarball's SHA-1 in the URL fragment.
            component.hash(HashAlgorithm.SHA1, sha1.group(1));
        }
        // Berry's checksum digests Yarn's cache archive, not the published tarball: kept, but not as a hash.
        component.property("assay:yarn-checksum", entry.checksum());
        component.property("assay:npm-resolved", entry.resolved());
        return node;
    }

    private PackageGraph.Node component(String name, String version, List<String> licenses) {
        try {
            Purl purl = NpmPackages.purl(name, version);
            return graph.add(purl, input.component(purl, "yarn.lock").licenses(licenses));
        } catch (InvalidInputException e) {
            graph.unknown(unknown("skipped package " + name + "@" + version + ": " + e.getMessage()));
            return null;
        }
    }

    private void root(String name, String version, List<String> licenses) {
        try {
            Purl purl = NpmPackages.purl(name, version);
            graph.root(purl, input.component(purl, "package.json").licenses(licenses));
        } catch (InvalidInputException e) {
            graph.unknown(unknown("root project " + name + " has no valid purl: " + e.getMessage()));
        }
    }

    private Unknown unknown(String reason) {
        return new Unknown(input.location(), input.catalogerId(), reason);
    }
}
