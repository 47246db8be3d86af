package dev.assay.engine;

import dev.assay.catalog.Cataloging;
import dev.assay.catalog.ProgressListener;
import dev.assay.catalog.os.OsRelease;
import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** source, then catalog, then one {@link Sbom}: the inventory every other capability starts from. */
public final class InventoryEngine {
    private final Cataloging cataloging;
    private final Clock clock;

    public InventoryEngine(Cataloging cataloging, Clock clock) {
        this.cataloging = cataloging;
        this.clock = clock;
    }

    public static InventoryEngine withDefaults() {
        return new InventoryEngine(Cataloging.withDefaults(), Clock.systemUTC());
    }

    public Sbom inventory(InventoryRequest request, ProgressListener progress) {
        Path tempDirectory = createTempDirectory();
        try {
            ResolvedSource source = SourceResolver.open(request, tempDirectory, progress);
            Distro distro =
                    source.kind().installed() ? OsRelease.detect(source.files()).orElse(null) : null;
            CatalogContext context = new CatalogContext(source.kind(), request.limits(), distro, tempDirectory);
            CatalogResult result = cataloging.run(context, source.files(), progress);
            TreeMap<String, String> properties = new TreeMap<>(source.properties());
            properties.put("assay:source-kind", source.kind().name().toLowerCase(java.util.Locale.ROOT));
            SbomMetadata metadata = new SbomMetadata(
                    "urn:uuid:" + UUID.randomUUID(),
                    clock.instant(),
                    source.subject(),
                    List.of(AssayVersion.tool()),
                    distro,
                    properties);
            return new Sbom(
                    metadata,
                    result.components(),
                    withSubjectEdges(source.subject(), result.components(), result.relationships()),
                    result.unknowns());
        } finally {
            deleteRecursively(tempDirectory);
        }
    }

    /**
     * Links the scanned thing to the top of its graph: it depends on every component nothing else depends on
     * or contains (the project roots of lockfiles, the packages of a root filesystem), so a reader of the
     * SBOM can walk from the subject to any component and tell direct dependencies from transitive ones.
     */
    static List<Relationship> withSubjectEdges(
            Component subject, List<Component> components, List<Relationship> relationships) {
        Set<Purl> reached = new HashSet<>();
        for (Relationship relationship : relationships) {
            reached.add(relationship.to());
        }
        List<Relationship> all = new ArrayList<>(relationships);
        for (Component component : components) {
            if (!reached.contains(component.purl()) && !component.purl().equals(subject.purl())) {
                all.add(Relationship.dependsOn(subject.purl(), component.purl()));
            }
        }
        return all;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("assay-");
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot create a temporary directory: " + e.getMessage(), System.getProperty("java.io.tmpdir"), e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException exception) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }
}
