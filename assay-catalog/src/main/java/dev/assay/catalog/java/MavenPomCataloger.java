package dev.assay.catalog.java;

import dev.assay.catalog.java.PomProject.PomDependency;
import dev.assay.catalog.java.PomTree.DeclaredDependency;
import dev.assay.catalog.java.PomTree.EffectiveModel;
import dev.assay.catalog.java.PomTree.ManagedVersion;
import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Evidence;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every {@code pom.xml} of a source tree: each project becomes a component that {@code dependsOn}
 * its declared dependencies (its own and those inherited from in-tree parents), with versions resolved
 * from properties, dependency management and imported BOMs found in the tree. All POMs are parsed once
 * per run and shared, because in a multi-module build every module reads the same parents.
 *
 * <p>Scopes: {@code test} is {@link Scope#EXCLUDED}. {@code provided} (and {@code system}) is {@link
 * Scope#OPTIONAL}, not excluded: such a jar is not packaged, but the application runs against it (a
 * servlet container supplies it), so a vulnerability in it still concerns the deployed software and
 * must not disappear from default reports. {@code <optional>true</optional>} is OPTIONAL too.
 */
public final class MavenPomCataloger implements Cataloger {
    public static final String ID = "java-pom-cataloger";
    static final String UNRESOLVED_VERSION = "assay:unresolved-version";
    private static final Logger LOG = LoggerFactory.getLogger(MavenPomCataloger.class);
    private static final PathPattern POMS = PathPattern.glob("**/pom.xml");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CatalogTag> tags() {
        return EnumSet.of(CatalogTag.DIRECTORY, CatalogTag.ECOSYSTEM_JAVA, CatalogTag.DECLARED);
    }

    @Override
    public CatalogResult catalog(CatalogContext context, FileResolver files) {
        List<Component> components = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        List<PomProject> projects = new ArrayList<>();
        for (Location location : files.files(POMS)) {
            try {
                projects.add(read(files, context, location));
            } catch (AssayException | IOException | UncheckedIOException e) {
                LOG.debug("cannot read {}", location, e);
                unknowns.add(new Unknown(location, ID, e.getMessage()));
            }
        }
        PomTree tree = new PomTree(
                projects,
                path -> files.resolve(path).flatMap(location -> {
                    try {
                        return Optional.of(read(files, context, location));
                    } catch (AssayException | IOException | UncheckedIOException e) {
                        LOG.debug("cannot read parent {}", location, e);
                        return Optional.empty();
                    }
                }));
        List<Component> dependencyComponents = new ArrayList<>();
        for (PomProject project : projects) {
            try {
                catalogProject(tree, project, components, dependencyComponents, relationships, unknowns);
            } catch (AssayException | StackOverflowError e) {
                // A pathological tree costs the one project, never the others.
                unknowns.add(new Unknown(project.location(), ID, "cannot resolve the project: " + e.getMessage()));
            }
        }
        // Modules first: when a module is also another module's dependency, the merge keeps its own kind.
        components.addAll(dependencyComponents);
        return new CatalogResult(components, relationships, unknowns);
    }

    private static PomProject read(FileResolver files, CatalogContext context, Location location) throws IOException {
        try (InputStream stream = files.open(location)) {
            byte[] bytes = BoundedInput.readAll(stream, context.limits().maxFileBytes(), location.path());
            return PomProject.parse(bytes, location);
        }
    }

    private static void catalogProject(
            PomTree tree,
            PomProject project,
            List<Component> modules,
            List<Component> dependencies,
            List<Relationship> relationships,
            List<Unknown> unknowns) {
        EffectiveModel model = tree.effective(project);
        Optional<Purl> modulePurl = modulePurl(model);
        if (modulePurl.isEmpty()) {
            unknowns.add(new Unknown(
                    project.location(),
                    ID,
                    "cannot determine the project's coordinates (" + model.groupId() + ":" + model.artifactId()
                            + "): its groupId or artifactId is missing or an unresolvable expression"));
            return;
        }
        Purl self = modulePurl.get();
        Component.Builder module = Component.builder(self)
                .kind(applicationLike(model) ? ComponentKind.APPLICATION : ComponentKind.LIBRARY)
                .evidence(new Evidence(ID, project.location(), model.versionSource()))
                .licenses(model.licenses())
                .property("assay:maven-packaging", model.packaging());
        if (PropertyInterpolator.unresolved(model.version())) {
            module.property(UNRESOLVED_VERSION, model.version());
        }
        modules.add(module.build());

        for (DeclaredDependency declared : model.dependencies()) {
            resolveDependency(model, declared, project.location(), unknowns).ifPresent(component -> {
                dependencies.add(component);
                relationships.add(Relationship.dependsOn(self, component.purl()));
            });
        }
        for (String moduleName : project.modules()) {
            tree.module(project, moduleName)
                    .map(tree::effective)
                    .flatMap(MavenPomCataloger::modulePurl)
                    .ifPresent(child -> relationships.add(Relationship.contains(self, child)));
        }
    }

    /**
     * Roots of the tree and deployable packagings are what a user builds and ships; the modules below
     * a root are libraries of it.
     */
    private static boolean applicationLike(EffectiveModel model) {
        String packaging = model.packaging().toLowerCase(Locale.ROOT);
        return packaging.equals("war") || packaging.equals("ear") || !model.hasParentInTree();
    }

    private static Optional<Purl> modulePurl(EffectiveModel model) {
        if (!usable(model.groupId()) || !usable(model.artifactId())) {
            return Optional.empty();
        }
        String version = PropertyInterpolator.unresolved(model.version()) ? "" : model.version();
        return Optional.of(MavenCoordinates.of(model.groupId(), model.artifactId(), version)
                .purl());
    }

    private static Optional<Component> resolveDependency(
            EffectiveModel model, DeclaredDependency declared, Location location, List<Unknown> unknowns) {
        PomDependency dependency = declared.dependency();
        if (!usable(dependency.groupId()) || !usable(dependency.artifactId())) {
            unknowns.add(new Unknown(
                    location,
                    ID,
                    "dependency " + dependency.groupId() + ":" + dependency.artifactId()
                            + " has a missing or unresolvable groupId or artifactId"));
            return Optional.empty();
        }
        String version = dependency.version();
        String versionSource = declared.source();
        String scope = dependency.scope();
        String optional = dependency.optional();
        if (declared.rawVersion().isEmpty()) {
            ManagedVersion managed = model.managed().get(dependency.managementKey());
            if (managed != null) {
                version = managed.dependency().version();
                versionSource = managed.source();
                scope = scope.isEmpty() ? managed.dependency().scope() : scope;
                optional = optional.isEmpty() ? managed.dependency().optional() : optional;
            }
        }
        String unresolved = "";
        if (version.isEmpty()) {
            unresolved = "(no version: managed by a parent or BOM outside the source tree)";
        } else if (PropertyInterpolator.unresolved(version)) {
            unresolved = version;
        } else if (version.startsWith("[") || version.startsWith("(")) {
            // A range is not a version; the purl would claim a package that does not exist.
            unresolved = version;
        }
        String type = dependency.type().isEmpty() ? "jar" : dependency.type();
        MavenCoordinates coordinates = new MavenCoordinates(
                dependency.groupId(),
                dependency.artifactId(),
                unresolved.isEmpty() ? version : "",
                type,
                dependency.classifier());
        Component.Builder component = Component.builder(coordinates.purl())
                .scope(scope(scope, optional))
                .evidence(new Evidence(ID, location, unresolved.isEmpty() ? versionSource : ""))
                .property(UNRESOLVED_VERSION, unresolved);
        return Optional.of(component.build());
    }

    static Scope scope(String scope, String optional) {
        return switch (scope.toLowerCase(Locale.ROOT)) {
            case "test" -> Scope.EXCLUDED;
            case "provided", "system" -> Scope.OPTIONAL;
            default -> "true".equalsIgnoreCase(optional) ? Scope.OPTIONAL : Scope.REQUIRED;
        };
    }

    private static boolean usable(String coordinate) {
        return !coordinate.isBlank() && !PropertyInterpolator.unresolved(coordinate);
    }
}
