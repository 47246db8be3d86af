package dev.assay.catalog.java;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.BoundedInput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads one top-level Java archive as a stream, nested archives included, and collects what it finds.
 * Nothing is extracted to disk: a nested jar is read straight out of its parent's entry stream. Entries
 * other than the manifest, {@code pom.properties} and nested archives are skipped without inflating
 * them where the zip says how long they are.
 */
final class ArchiveReader {
    private static final int BUFFER = 64 * 1024;

    private final ArchiveBudget budget;
    private final List<Component> components = new ArrayList<>();
    private final List<Relationship> relationships = new ArrayList<>();
    private final List<Unknown> unknowns = new ArrayList<>();

    ArchiveReader(ArchiveBudget budget) {
        this.budget = budget;
    }

    List<Component> components() {
        return components;
    }

    List<Relationship> relationships() {
        return relationships;
    }

    List<Unknown> unknowns() {
        return unknowns;
    }

    /**
     * Reads the archive from {@code source} (which it does not close) and returns its main component.
     * Throws on a corrupt archive or a crossed limit, after recording what it could identify.
     */
    Optional<Purl> read(InputStream source, Location location, int depth) throws IOException {
        DigestingInputStream digests = new DigestingInputStream(source);
        InputStream buffered = new BufferedInputStream(digests, BUFFER);
        Contents contents = new Contents();
        try {
            scan(
                    new ZipArchiveInputStream(buffered, StandardCharsets.UTF_8.name(), true, true),
                    location,
                    depth,
                    contents);
            // The central directory and anything after the last entry still count for the hash.
            ArchiveBudget.drain(buffered);
        } catch (IOException | RuntimeException e) {
            if (contents.entries > 0) {
                identify(location, contents, null);
            }
            throw e;
        }
        return Optional.of(identify(location, contents, digests));
    }

    private void scan(ZipArchiveInputStream zip, Location location, int depth, Contents contents) throws IOException {
        ZipArchiveEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            contents.entries++;
            budget.countEntry(location.path());
            String name = entry.getName();
            if (entry.isDirectory() || !zip.canReadEntryData(entry)) {
                continue;
            }
            if (budget.declaredRatioExceeded(entry.getSize(), entry.getCompressedSize())) {
                // Declared sizes let the stream skip the entry without inflating it; it is reported, not read.
                unknowns.add(new Unknown(
                        location.nested(name),
                        JavaArchiveCataloger.ID,
                        "entry declares a compression ratio over the limit of "
                                + budget.limits().maxCompressionRatio() + ": likely a zip bomb; not read"));
                continue;
            }
            String where = location.path() + "!/" + name;
            if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                small(zip, location, name).map(JarManifest::parse).ifPresent(manifest -> contents.manifest = manifest);
            } else if (PomProperties.isPomProperties(name)) {
                small(zip, location, name)
                        .map(bytes -> PomProperties.parse(bytes, name))
                        .ifPresent(contents.pomProperties::add);
            } else if (ArchiveFileName.isJavaArchive(name)) {
                nested(zip, location.nested(name), depth + 1, contents);
            } else if (entry.getCompressedSize() < 0
                    || entry.getGeneralPurposeBit().usesDataDescriptor()) {
                // Without a declared length the only way past the entry is to inflate it: do so metered.
                ArchiveBudget.drain(budget.meter(zip, where));
            }
        }
        if (contents.entries == 0) {
            throw new UnableToParseException(
                    location.path() + " is not a zip archive or has no entries", location.path());
        }
    }

    private Optional<byte[]> small(ZipArchiveInputStream zip, Location archive, String name) throws IOException {
        String where = archive.path() + "!/" + name;
        InputStream entry = budget.meter(zip, where);
        try {
            return Optional.of(BoundedInput.readAll(entry, budget.limits().maxFileBytes(), where));
        } catch (ArchiveLimitException e) {
            throw e;
        } catch (InputTooLargeException e) {
            unknowns.add(new Unknown(archive.nested(name), JavaArchiveCataloger.ID, e.getMessage()));
            ArchiveBudget.drain(entry);
            return Optional.empty();
        }
    }

    private void nested(ZipArchiveInputStream zip, Location location, int depth, Contents contents) throws IOException {
        InputStream entry = budget.meter(zip, location.path());
        if (depth > budget.limits().maxArchiveDepth()) {
            unknowns.add(new Unknown(
                    location,
                    JavaArchiveCataloger.ID,
                    "archive nested deeper than the limit of " + budget.limits().maxArchiveDepth() + "; not opened"));
            ArchiveBudget.drain(entry);
            return;
        }
        try {
            read(entry, location, depth).ifPresent(contents.nested::add);
        } catch (ArchiveLimitException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // commons-compress throws unchecked exceptions on some malformed input; it costs this archive only.
            unknowns.add(
                    new Unknown(location, JavaArchiveCataloger.ID, "cannot read nested archive: " + e.getMessage()));
        }
        ArchiveBudget.drain(entry);
    }

    /**
     * Decides which component is the archive itself and records it with everything it contains. The
     * archive is the {@code pom.properties} whose artifact matches the file name (or the only one, when
     * the name says nothing else); other {@code pom.properties} are libraries shaded into it. Without a
     * matching one, the manifest and the file name describe the archive.
     */
    private Purl identify(Location location, Contents contents, DigestingInputStream digests) {
        ArchiveFileName fileName = ArchiveFileName.of(location.path());
        JarManifest manifest = contents.manifest;
        Optional<PomProperties> own = ownPomProperties(fileName, manifest, contents.pomProperties);
        Component.Builder main = own.map(properties -> mavenComponent(properties, location))
                .orElseGet(() -> manifestComponent(fileName, manifest, location));
        main.kind(applicationLike(location, manifest) ? ComponentKind.APPLICATION : ComponentKind.LIBRARY)
                .licenses(manifest.bundleLicenses());
        if (digests != null) {
            main.hash(HashAlgorithm.SHA1, digests.sha1Hex()).hash(HashAlgorithm.SHA256, digests.sha256Hex());
        }
        Component archive = main.build();
        components.add(archive);
        for (PomProperties properties : contents.pomProperties) {
            if (own.isPresent() && own.get() == properties || !properties.complete()) {
                continue;
            }
            Component shaded = mavenComponent(properties, location.nested(properties.path()))
                    .build();
            if (!shaded.purl().equals(archive.purl())) {
                components.add(shaded);
                relationships.add(Relationship.contains(archive.purl(), shaded.purl()));
            }
        }
        for (Purl inner : contents.nested) {
            relationships.add(Relationship.contains(archive.purl(), inner));
        }
        return archive.purl();
    }

    private static Optional<PomProperties> ownPomProperties(
            ArchiveFileName fileName, JarManifest manifest, List<PomProperties> candidates) {
        List<PomProperties> complete =
                candidates.stream().filter(PomProperties::complete).toList();
        List<PomProperties> byName = complete.stream()
                .filter(properties -> properties.artifactId().equals(fileName.artifact())
                        || properties.artifactId().equals(fileName.base()))
                .toList();
        if (!byName.isEmpty()) {
            return byName.stream()
                    .filter(properties -> properties.version().equals(fileName.version()))
                    .findFirst()
                    .or(() -> Optional.of(byName.getFirst()));
        }
        List<PomProperties> byManifest = complete.stream()
                .filter(properties -> describedByManifest(properties, manifest))
                .toList();
        if (byManifest.size() == 1) {
            return Optional.of(byManifest.getFirst());
        }
        // A renamed archive (app.jar) with a single pom.properties is that artifact.
        if (complete.size() == 1 && fileName.version().isEmpty()) {
            return Optional.of(complete.getFirst());
        }
        return Optional.empty();
    }

    private static boolean describedByManifest(PomProperties properties, JarManifest manifest) {
        String artifact = properties.artifactId();
        boolean named =
                manifest.get("Implementation-Title").filter(artifact::equals).isPresent()
                        || manifest.bundleSymbolicName()
                                .filter(name -> name.equals(artifact) || name.endsWith("." + artifact))
                                .isPresent()
                        || manifest.get("Automatic-Module-Name")
                                .filter(name -> name.endsWith("." + artifact))
                                .isPresent();
        boolean versioned = manifest.get("Implementation-Version")
                .or(() -> manifest.get("Bundle-Version"))
                .filter(properties.version()::equals)
                .isPresent();
        return named && versioned;
    }

    private static Component.Builder mavenComponent(PomProperties properties, Location location) {
        Purl purl = MavenCoordinates.of(properties.groupId(), properties.artifactId(), properties.version())
                .purl();
        return Component.builder(purl).evidence(JavaArchiveCataloger.ID, location, "pom.properties");
    }

    /**
     * Coordinates from the manifest and file name. Maven purls need a group, and nothing in a bare jar
     * states one, so it is guessed, in this order: {@code Implementation-Vendor-Id} (maven-archiver writes
     * the groupId there); the {@code Bundle-SymbolicName} or {@code Automatic-Module-Name} without its
     * last segment (by convention these are the group plus a short module name: {@code
     * org.apache.commons.lang3}, {@code com.fasterxml.jackson.core.jackson-core}); else the artifact name
     * itself, as syft does. Such components carry {@code assay:guessed-coordinates=true} so that matchers
     * and users can weigh them.
     */
    private static Component.Builder manifestComponent(
            ArchiveFileName fileName, JarManifest manifest, Location location) {
        String artifact = fileName.artifact();
        String version;
        String versionSource;
        if (manifest.get("Implementation-Version").isPresent()) {
            version = manifest.get("Implementation-Version").get();
            versionSource = "MANIFEST.MF Implementation-Version";
        } else if (manifest.get("Bundle-Version").isPresent()) {
            version = manifest.get("Bundle-Version").get();
            versionSource = "MANIFEST.MF Bundle-Version";
        } else if (!fileName.version().isEmpty()) {
            version = fileName.version();
            versionSource = "file name";
        } else {
            version = "";
            versionSource = "";
        }
        String group = manifest.get("Implementation-Vendor-Id")
                .filter(ArchiveReader::looksLikeGroup)
                .or(() -> manifest.bundleSymbolicName().flatMap(ArchiveReader::withoutLastSegment))
                .or(() -> manifest.get("Automatic-Module-Name").flatMap(ArchiveReader::withoutLastSegment))
                .orElse(artifact);
        Purl purl = MavenCoordinates.of(group, artifact, version).purl();
        return Component.builder(purl)
                .evidence(JavaArchiveCataloger.ID, location, versionSource)
                .property("assay:guessed-coordinates", "true");
    }

    private static boolean looksLikeGroup(String value) {
        return value.contains(".") && value.chars().noneMatch(Character::isWhitespace);
    }

    private static Optional<String> withoutLastSegment(String name) {
        int dot = name.lastIndexOf('.');
        String prefix = dot > 0 ? name.substring(0, dot) : "";
        return prefix.contains(".") && looksLikeGroup(prefix) ? Optional.of(prefix) : Optional.empty();
    }

    private static boolean applicationLike(Location location, JarManifest manifest) {
        String path = location.path().toLowerCase(Locale.ROOT);
        return path.endsWith(".war")
                || path.endsWith(".ear")
                || manifest.get("Start-Class").isPresent();
    }

    /** What one archive holds, gathered while streaming and judged once the stream has ended. */
    private static final class Contents {
        private JarManifest manifest = JarManifest.EMPTY;
        private final List<PomProperties> pomProperties = new ArrayList<>();
        private final List<Purl> nested = new ArrayList<>();
        private int entries;
    }
}
