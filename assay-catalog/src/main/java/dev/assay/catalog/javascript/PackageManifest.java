package dev.assay.catalog.javascript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.AssayException;
import dev.assay.model.Location;
import dev.assay.model.Scope;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a package.json that catalogers need: identity, declared licenses and the declared
 * dependency ranges by kind (name to range, in file order).
 */
record PackageManifest(
        String name,
        String version,
        List<String> licenses,
        String author,
        Map<String, String> dependencies,
        Map<String, String> devDependencies,
        Map<String, String> optionalDependencies,
        Map<String, String> peerDependencies,
        List<String> workspaces) {
    private static final Logger LOG = LoggerFactory.getLogger(PackageManifest.class);

    static PackageManifest of(JsonNode root) {
        return new PackageManifest(
                NpmPackages.text(root, "name").strip(),
                NpmPackages.text(root, "version").strip(),
                NpmPackages.licenses(root),
                NpmPackages.author(root),
                ranges(root.get("dependencies")),
                ranges(root.get("devDependencies")),
                ranges(root.get("optionalDependencies")),
                ranges(root.get("peerDependencies")),
                workspaces(root.get("workspaces")));
    }

    /** Workspace globs: {@code "workspaces": ["packages/*"]} or Yarn's {@code {"packages": [...]}}. */
    private static List<String> workspaces(JsonNode node) {
        JsonNode globs = node != null && node.isObject() ? node.get("packages") : node;
        List<String> workspaces = new ArrayList<>();
        if (globs != null && globs.isArray()) {
            for (JsonNode glob : globs) {
                if (glob.isTextual() && !glob.asText().isBlank()) {
                    workspaces.add(glob.asText().strip());
                }
            }
        }
        return workspaces;
    }

    /**
     * The package.json at a path relative to the source, if present and readable. A broken manifest next to
     * a lockfile only costs the root component and dev/prod classification, never the lockfile itself.
     */
    static Optional<PackageManifest> read(ParseInput input, String relativePath) {
        Optional<Location> location = input.files().resolve(relativePath);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode root = SafeJson.read(input.bytesOf(location.get()), relativePath);
            return root.isObject() ? Optional.of(of(root)) : Optional.empty();
        } catch (AssayException | IOException e) {
            LOG.debug("ignoring unreadable {}: {}", relativePath, e.getMessage());
            return Optional.empty();
        }
    }

    /** The dependency-name to range map of a lockfile or manifest section; non-string values are skipped. */
    static Map<String, String> ranges(JsonNode section) {
        Map<String, String> ranges = new LinkedHashMap<>();
        if (section != null && section.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = section.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isValueNode()) {
                    ranges.put(field.getKey(), field.getValue().asText());
                }
            }
        }
        return ranges;
    }

    boolean hasIdentity() {
        return !name.isEmpty();
    }

    /** The scope a direct dependency of this manifest gets: production before optional before dev. */
    Scope scopeOf(String dependency) {
        if (dependencies.containsKey(dependency) || peerDependencies.containsKey(dependency)) {
            return Scope.REQUIRED;
        }
        if (optionalDependencies.containsKey(dependency)) {
            return Scope.OPTIONAL;
        }
        return devDependencies.containsKey(dependency) ? Scope.EXCLUDED : Scope.REQUIRED;
    }

    /** Every declared dependency name with its range, production first; a name keeps its first range. */
    Map<String, String> allDependencies() {
        Map<String, String> all = new LinkedHashMap<>(peerDependencies);
        all.putAll(devDependencies);
        all.putAll(optionalDependencies);
        all.putAll(dependencies);
        return all;
    }

    /** Every declared dependency name, production first. */
    List<String> allDependencyNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>(dependencies.keySet());
        names.addAll(optionalDependencies.keySet());
        names.addAll(devDependencies.keySet());
        return new ArrayList<>(names);
    }
}
