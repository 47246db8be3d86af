package dev.assay.catalog.python;

import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.AssayException;
import dev.assay.model.Location;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code pyproject.toml} says about the project a lockfile belongs to: its name and version
 * (PEP 621 {@code [project]} or {@code [tool.poetry]}) and its direct dependencies by scope, as
 * normalized names. Dev dependencies come from Poetry groups, PEP 735 {@code [dependency-groups]}, uv's
 * and PDM's dev tables; extras from {@code [project.optional-dependencies]} and optional Poetry
 * dependencies.
 */
record PyprojectManifest(String name, String version, Map<Scope, Set<String>> directDependencies, Set<String> extras) {
    static final PyprojectManifest NONE = new PyprojectManifest("", "", Map.of(), Set.of());

    PyprojectManifest {
        directDependencies = Map.copyOf(directDependencies);
        extras = Set.copyOf(extras);
    }

    boolean hasProject() {
        return PypiPackages.isValidName(name);
    }

    /**
     * The {@code pyproject.toml} next to the lockfile being parsed, or {@link #NONE}. A broken manifest
     * costs only the root and the direct-dependency scopes, never the lockfile's packages: it is reported
     * in {@code unknowns}.
     */
    static PyprojectManifest besides(ParseInput input, List<Unknown> unknowns) {
        Optional<Location> manifest =
                input.files().resolve(sibling(input.location().path(), "pyproject.toml"));
        if (manifest.isEmpty()) {
            return NONE;
        }
        try {
            return read(
                    new String(input.bytesOf(manifest.get()), StandardCharsets.UTF_8),
                    manifest.get().path());
        } catch (AssayException e) {
            unknowns.add(new Unknown(manifest.get(), input.catalogerId(), e.getMessage()));
        } catch (IOException e) {
            unknowns.add(new Unknown(manifest.get(), input.catalogerId(), "cannot read: " + e.getMessage()));
        }
        return NONE;
    }

    /** The path of a file in the same directory as {@code path}. */
    static String sibling(String path, String fileName) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? fileName : path.substring(0, slash + 1) + fileName;
    }

    static PyprojectManifest read(String text, String fileName) {
        Map<String, Object> document = TomlDocument.parse(text, fileName);
        Map<String, Object> project = TomlDocument.table(document, "project");
        Map<String, Object> tool = TomlDocument.table(document, "tool");
        Map<String, Object> poetry = TomlDocument.table(tool, "poetry");
        String name = TomlDocument.string(project, "name");
        String version = TomlDocument.string(project, "version");
        if (name.isEmpty()) {
            name = TomlDocument.string(poetry, "name");
        }
        if (version.isEmpty()) {
            version = TomlDocument.string(poetry, "version");
        }

        Map<Scope, Set<String>> direct = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            direct.put(scope, new LinkedHashSet<>());
        }
        addRequirements(direct.get(Scope.REQUIRED), TomlDocument.list(project, "dependencies"));
        TomlDocument.table(project, "optional-dependencies")
                .values()
                .forEach(extra -> addRequirements(direct.get(Scope.OPTIONAL), extra));

        TomlDocument.table(poetry, "dependencies").forEach((dependency, spec) -> {
            if (!dependency.equalsIgnoreCase("python")) {
                boolean optional = spec instanceof Map<?, ?> table && Boolean.TRUE.equals(table.get("optional"));
                addName(direct.get(optional ? Scope.OPTIONAL : Scope.REQUIRED), dependency);
            }
        });
        TomlDocument.table(poetry, "dev-dependencies")
                .keySet()
                .forEach(key -> addName(direct.get(Scope.EXCLUDED), key));
        TomlDocument.table(poetry, "group").values().forEach(group -> {
            if (group instanceof Map<?, ?> table && table.get("dependencies") instanceof Map<?, ?> dependencies) {
                dependencies.keySet().forEach(key -> addName(direct.get(Scope.EXCLUDED), String.valueOf(key)));
            }
        });
        TomlDocument.table(document, "dependency-groups")
                .values()
                .forEach(group -> addRequirements(direct.get(Scope.EXCLUDED), group));
        addRequirements(
                direct.get(Scope.EXCLUDED), TomlDocument.table(tool, "uv").get("dev-dependencies"));
        TomlDocument.table(TomlDocument.table(tool, "pdm"), "dev-dependencies")
                .values()
                .forEach(group -> addRequirements(direct.get(Scope.EXCLUDED), group));
        Set<String> extras = new LinkedHashSet<>();
        TomlDocument.table(project, "optional-dependencies")
                .keySet()
                .forEach(extra -> extras.add(PypiPackages.normalize(extra)));
        TomlDocument.table(poetry, "extras").keySet().forEach(extra -> extras.add(PypiPackages.normalize(extra)));
        return new PyprojectManifest(name, version, direct, extras);
    }

    /** PEP 508 strings; PEP 735 {@code {include-group = ...}} tables are skipped (the included group is listed too). */
    private static void addRequirements(Set<String> names, Object requirements) {
        for (String requirement : TomlDocument.strings(requirements)) {
            PythonRequirement.parse(requirement).ifPresent(parsed -> names.add(parsed.normalizedName()));
        }
    }

    private static void addName(Set<String> names, String name) {
        if (PypiPackages.isValidName(name)) {
            names.add(PypiPackages.normalize(name));
        }
    }
}
