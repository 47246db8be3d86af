package dev.assay.catalog.java;

import dev.assay.catalog.java.PomProject.PomDependency;
import dev.assay.catalog.java.PomProject.PomParent;
import dev.assay.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * All POMs of one source tree, parsed once per cataloging run, with Maven's inheritance worked out
 * inside the tree: parents by {@code relativePath} or by coordinates, properties, dependency management
 * and imported BOMs. Parents and BOMs outside the tree (in a repository) are never fetched; what they
 * would have supplied stays unresolved and is reported as such.
 */
final class PomTree {
    /** A lineage deeper than this is hostile or broken; real builds have a handful of levels. */
    private static final int MAX_LINEAGE = 64;

    private final Map<String, PomProject> byPath;
    private final Map<String, List<PomProject>> byCoordinates = new HashMap<>();
    private final Function<String, Optional<PomProject>> loader;
    private final Map<String, EffectiveModel> models = new HashMap<>();
    private final Set<String> building = new HashSet<>();

    /**
     * @param projects the parsed {@code pom.xml} files of the tree
     * @param loader parses another file of the tree on demand (a parent named by a {@code relativePath}
     *     that is not called {@code pom.xml}); empty when it does not exist or cannot be parsed
     */
    PomTree(List<PomProject> projects, Function<String, Optional<PomProject>> loader) {
        this.byPath = new HashMap<>();
        this.loader = loader;
        for (PomProject project : projects) {
            byPath.put(project.location().path(), project);
            byCoordinates
                    .computeIfAbsent(project.effectiveGroupId() + ":" + project.artifactId(), key -> new ArrayList<>())
                    .add(project);
        }
    }

    /** The project with inheritance applied: interpolated properties, managed versions, inherited dependencies. */
    EffectiveModel effective(PomProject project) {
        EffectiveModel cached = models.get(project.location().path());
        if (cached != null) {
            return cached;
        }
        building.add(project.location().path());
        try {
            EffectiveModel model = build(project);
            models.put(project.location().path(), model);
            return model;
        } finally {
            building.remove(project.location().path());
        }
    }

    /** The in-tree project a {@code <module>} entry points at. */
    Optional<PomProject> module(PomProject aggregator, String module) {
        String path = resolveRelative(directoryOf(aggregator.location().path()), module);
        return path == null ? Optional.empty() : lookup(path);
    }

    /** Whether the project's parent is part of the tree (else it is a root of the tree). */
    boolean hasParentInTree(PomProject project) {
        return parentOf(project).isPresent();
    }

    private EffectiveModel build(PomProject project) {
        List<PomProject> lineage = lineage(project);
        Map<String, String> properties = new HashMap<>();
        Map<String, PomProject> propertyOrigins = new HashMap<>();
        for (int index = lineage.size() - 1; index >= 0; index--) {
            PomProject level = lineage.get(index);
            for (Map.Entry<String, String> property : level.properties().entrySet()) {
                properties.put(property.getKey(), property.getValue());
                propertyOrigins.put(property.getKey(), level);
            }
        }
        builtIns(project, properties);
        PropertyInterpolator interpolator = new PropertyInterpolator(properties);

        Map<String, ManagedVersion> managed = new LinkedHashMap<>();
        List<PomDependency> imports = new ArrayList<>();
        for (PomProject level : lineage) {
            for (PomDependency dependency : level.dependencyManagement()) {
                PomDependency interpolated = interpolate(dependency, interpolator);
                if (interpolated.scope().equals("import") && interpolated.type().equals("pom")) {
                    imports.add(interpolated);
                    continue;
                }
                String source = "dependencyManagement of " + describe(level, project)
                        + propertyNote(dependency.version(), level, project, propertyOrigins);
                managed.putIfAbsent(interpolated.managementKey(), new ManagedVersion(interpolated, source));
            }
        }
        for (PomDependency bom : imports) {
            Optional<PomProject> bomProject =
                    findByCoordinates(bom.groupId(), bom.artifactId(), bom.version(), project);
            if (bomProject.isEmpty()
                    || building.contains(bomProject.get().location().path())) {
                continue;
            }
            EffectiveModel bomModel = effective(bomProject.get());
            String bomName = "BOM " + bom.groupId() + ":" + bom.artifactId() + ":" + bom.version();
            for (Map.Entry<String, ManagedVersion> entry : bomModel.managed().entrySet()) {
                managed.putIfAbsent(
                        entry.getKey(),
                        new ManagedVersion(entry.getValue().dependency(), "dependencyManagement of " + bomName));
            }
        }

        Map<String, DeclaredDependency> dependencies = new LinkedHashMap<>();
        for (PomProject level : lineage) {
            for (PomDependency dependency : level.dependencies()) {
                PomDependency interpolated = interpolate(dependency, interpolator);
                String source = level == project
                        ? "pom.xml" + propertyNote(dependency.version(), level, project, propertyOrigins)
                        : "dependency inherited from " + describe(level, project)
                                + propertyNote(dependency.version(), level, project, propertyOrigins);
                dependencies.putIfAbsent(
                        interpolated.managementKey(),
                        new DeclaredDependency(interpolated, dependency.version(), source));
            }
        }
        return new EffectiveModel(
                project,
                interpolator.interpolate(project.effectiveGroupId()),
                interpolator.interpolate(project.artifactId()),
                interpolator.interpolate(project.effectiveVersion()),
                project.version().isEmpty() ? "parent version in pom.xml" : "pom.xml",
                interpolator.interpolate(project.packaging().isEmpty() ? "jar" : project.packaging()),
                lineage.stream()
                        .filter(level -> !level.licenses().isEmpty())
                        .findFirst()
                        .map(PomProject::licenses)
                        .orElse(List.of()),
                managed,
                List.copyOf(dependencies.values()),
                lineage.size() > 1);
    }

    private static void builtIns(PomProject project, Map<String, String> properties) {
        for (String prefix : List.of("project.", "pom.")) {
            properties.put(prefix + "groupId", project.effectiveGroupId());
            properties.put(prefix + "artifactId", project.artifactId());
            properties.put(prefix + "version", project.effectiveVersion());
            if (!project.packaging().isEmpty()) {
                properties.put(prefix + "packaging", project.packaging());
            }
            PomParent parent = project.parent();
            if (parent != null) {
                properties.put(prefix + "parent.groupId", parent.groupId());
                properties.put(prefix + "parent.artifactId", parent.artifactId());
                properties.put(prefix + "parent.version", parent.version());
            }
        }
    }

    private static PomDependency interpolate(PomDependency dependency, PropertyInterpolator interpolator) {
        return new PomDependency(
                interpolator.interpolate(dependency.groupId()),
                interpolator.interpolate(dependency.artifactId()),
                interpolator.interpolate(dependency.version()),
                interpolator.interpolate(dependency.type()),
                interpolator.interpolate(dependency.classifier()),
                interpolator.interpolate(dependency.scope()),
                interpolator.interpolate(dependency.optional()));
    }

    private static String describe(PomProject level, PomProject project) {
        if (level == project) {
            return "pom.xml";
        }
        String coordinates = level.effectiveGroupId() + ":" + level.artifactId();
        return "parent " + (coordinates.contains("${") ? level.location().path() : coordinates);
    }

    /** Names the property a version came from, so users can see which line of which POM to change. */
    private static String propertyNote(
            String rawVersion, PomProject level, PomProject project, Map<String, PomProject> origins) {
        String property = PropertyInterpolator.soleProperty(rawVersion);
        if (property == null) {
            return "";
        }
        PomProject origin = origins.get(property);
        if (origin == null) {
            return (level == project ? " property " : ", property ") + property;
        }
        if (origin == project) {
            return level == project ? " property " + property : ", property " + property + " of pom.xml";
        }
        return (level == project ? " property " : ", property ") + property + " of " + describe(origin, project);
    }

    private List<PomProject> lineage(PomProject project) {
        List<PomProject> lineage = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        PomProject current = project;
        while (current != null && seen.add(current.location().path()) && lineage.size() < MAX_LINEAGE) {
            lineage.add(current);
            current = parentOf(current).orElse(null);
        }
        return lineage;
    }

    private Optional<PomProject> parentOf(PomProject project) {
        PomParent parent = project.parent();
        if (parent == null || parent.artifactId().isEmpty()) {
            return Optional.empty();
        }
        String relativePath = parent.relativePath() == null ? "../pom.xml" : parent.relativePath();
        if (!relativePath.isBlank()) {
            String path = resolveRelative(directoryOf(project.location().path()), relativePath);
            Optional<PomProject> candidate = path == null ? Optional.empty() : lookup(path);
            if (candidate.isPresent()
                    && candidate.get() != project
                    && candidate.get().artifactId().equals(parent.artifactId())
                    && sameGroup(candidate.get().effectiveGroupId(), parent.groupId())) {
                return candidate;
            }
        }
        return findByCoordinates(parent.groupId(), parent.artifactId(), parent.version(), project);
    }

    private Optional<PomProject> findByCoordinates(
            String groupId, String artifactId, String version, PomProject except) {
        List<PomProject> candidates = byCoordinates.getOrDefault(groupId + ":" + artifactId, List.of());
        PomProject loose = null;
        for (PomProject candidate : candidates) {
            if (candidate == except) {
                continue;
            }
            String candidateVersion = candidate.effectiveVersion();
            if (candidateVersion.equals(version)
                    || new PropertyInterpolator(candidate.properties())
                            .interpolate(candidateVersion)
                            .equals(version)) {
                return Optional.of(candidate);
            }
            if (loose == null
                    && (PropertyInterpolator.unresolved(version)
                            || PropertyInterpolator.unresolved(candidateVersion))) {
                loose = candidate;
            }
        }
        return Optional.ofNullable(loose);
    }

    private static boolean sameGroup(String candidate, String wanted) {
        return candidate.equals(wanted) || PropertyInterpolator.unresolved(candidate) || wanted.isEmpty();
    }

    private Optional<PomProject> lookup(String path) {
        PomProject direct = byPath.get(path);
        if (direct != null) {
            return Optional.of(direct);
        }
        String asDirectory = path.isEmpty() ? "pom.xml" : path + "/pom.xml";
        PomProject inDirectory = byPath.get(asDirectory);
        if (inDirectory != null) {
            return Optional.of(inDirectory);
        }
        if (path.endsWith(".xml") || path.endsWith(".pom")) {
            Optional<PomProject> loaded = loader.apply(path);
            loaded.ifPresent(project -> byPath.put(path, project));
            return loaded;
        }
        return Optional.empty();
    }

    static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Resolves a relative path against a directory of the tree; null when it climbs out of the tree. */
    static String resolveRelative(String directory, String relative) {
        List<String> parts = new ArrayList<>();
        if (!directory.isEmpty()) {
            parts.addAll(List.of(directory.split("/")));
        }
        for (String part : relative.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** A managed version and where it came from. */
    record ManagedVersion(PomDependency dependency, String source) {}

    /** A dependency of the effective model, interpolated, with its raw version and where it was declared. */
    record DeclaredDependency(PomDependency dependency, String rawVersion, String source) {}

    /** A project after inheritance and interpolation. */
    record EffectiveModel(
            PomProject project,
            String groupId,
            String artifactId,
            String version,
            String versionSource,
            String packaging,
            List<String> licenses,
            Map<String, ManagedVersion> managed,
            List<DeclaredDependency> dependencies,
            boolean hasParentInTree) {
        Location location() {
            return project.location();
        }
    }
}
