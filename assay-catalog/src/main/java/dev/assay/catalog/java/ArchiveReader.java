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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads one top-level Java archive, nested archives included, and collects what it finds. Nothing is
 * extracted to disk: a nested jar is read out of its parent's entry into memory (within bounds) or
 * streamed. Only the manifest, {@code pom.properties} and nested archives are inflated, wherever the zip
 * lets the reader pass the other entries without inflating them.
 */
final class ArchiveReader {
    private static final int BUFFER = 64 * 1024;
    private static final long IN_MEMORY_BYTES = 64L * 1024 * 1024;

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

    /** The largest archive read into memory for random access; larger ones are streamed. */
    static long inMemoryLimit(ArchiveBudget budget) {
        return Math.min(budget.limits().maxFileBytes(), IN_MEMORY_BYTES);
    }

    /**
     * Reads an archive held in memory through its central directory: only the manifest, {@code
     * pom.properties} and nested archives are inflated, which matters because most jars (those written by
     * the JDK or Gradle) give entry sizes only after the data, so a stream would have to inflate every
     * class to get past it. Falls back to streaming when the central directory is unusable (a truncated
     * archive still yields the entries before the cut).
     */
    Optional<Purl> readInMemory(byte[] archive, Location location, int depth) throws IOException {
        Contents contents = new Contents();
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(archive))
                .setIgnoreLocalFileHeader(true)
                .get()) {
            try {
                scanDirectory(zip, location, depth, contents);
            } catch (IOException | RuntimeException e) {
                if (contents.entries > 0) {
                    identify(location, contents, null);
                }
                throw e;
            }
        } catch (ArchiveLimitException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (contents.entries > 0) {
                throw e;
            }
            return read(new ByteArrayInputStream(archive), location, depth);
        }
        DigestingInputStream digests = new DigestingInputStream(new ByteArrayInputStream(archive));
        ArchiveBudget.drain(digests);
        return Optional.of(identify(location, contents, digests));
    }

    private void scanDirectory(ZipFile zip, Location location, int depth, Contents contents) throws IOException {
        Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
        while (entries.hasMoreElements()) {
            ZipArchiveEntry entry = entries.nextElement();
            contents.entries++;
            budget.countEntry(location.path());
            String name = entry.getName();
            boolean wanted = name.equalsIgnoreCase("META-INF/MANIFEST.MF")
                    || PomProperties.isPomProperties(name)
                    || ArchiveFileName.isJavaArchive(name);
            if (budget.declaredRatioExceeded(entry.getSize(), entry.getCompressedSize())) {
                // Harmless unless inflated, but a bomb is worth reporting wherever it sits.
                unknowns.add(ratioUnknown(location, name));
                continue;
            }
            if (entry.isDirectory() || !wanted || !zip.canReadEntryData(entry)) {
                continue;
            }
            String where = location.path() + "!/" + name;
            long compressed = entry.getCompressedSize();
            try (InputStream data = budget.meter(zip.getInputStream(entry), () -> compressed, where)) {
                if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    small(data, location, name)
                            .map(JarManifest::parse)
                            .ifPresent(manifest -> contents.manifest = manifest);
                } else if (PomProperties.isPomProperties(name)) {
                    small(data, location, name)
                            .map(bytes -> PomProperties.parse(bytes, name))
                            .ifPresent(contents.pomProperties::add);
                } else {
                    nested(data, entry.getSize(), location.nested(name), depth + 1, contents);
                }
            }
        }
        if (contents.entries == 0) {
            throw new UnableToParseException(
                    location.path() + " is not a zip archive or has no entries", location.path());
        }
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
                unknowns.add(ratioUnknown(location, name));
                continue;
            }
            String where = location.path() + "!/" + name;
            if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                small(budget.meter(zip, where), location, name)
                        .map(JarManifest::parse)
                        .ifPresent(manifest -> contents.manifest = manifest);
            } else if (PomProperties.isPomProperties(name)) {
                small(budget.meter(zip, where), location, name)
                        .map(bytes -> PomProperties.parse(bytes, name))
                        .ifPresent(contents.pomProperties::add);
            } else if (ArchiveFileName.isJavaArchive(name)) {
                nested(budget.meter(zip, where), entry.getSize(), location.nested(name), depth + 1, contents);
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

    private Unknown ratioUnknown(Location location, String name) {
        // Declared sizes let the reader pass the entry without inflating it; it is reported, not read.
        return new Unknown(
                location.nested(name),
                JavaArchiveCataloger.ID,
                "entry declares a compression ratio over the limit of "
                        + budget.limits().maxCompressionRatio() + ": likely a zip bomb; not read");
    }

    private Optional<byte[]> small(InputStream entry, Location archive, String name) throws IOException {
        String where = archive.path() + "!/" + name;
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

    private void nested(InputStream entry, long declaredSize, Location location, int depth, Contents contents)
            throws IOException {
        if (depth > budget.limits().maxArchiveDepth()) {
            unknowns.add(new Unknown(
                    location,
                    JavaArchiveCataloger.ID,
                    "archive nested deeper than the limit of " + budget.limits().maxArchiveDepth() + "; not opened"));
            ArchiveBudget.drain(entry);
            return;
        }
        try {
            if (declaredSize >= 0 && declaredSize <= inMemoryLimit(budget)) {
                byte[] archive = BoundedInput.readAll(entry, inMemoryLimit(budget), location.path());
                readInMemory(archive, location, depth).ifPresent(contents.nested::add);
            } else {
                read(entry, location, depth).ifPresent(contents.nested::add);
            }
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
        // A manifest version with spaces is a build stamp ("2.0b6 2016-02-05 05:16:19"), not a version.
        Optional<String> implementationVersion =
                manifest.get("Implementation-Version").filter(ArchiveReader::versionLike);
        Optional<String> bundleVersion = manifest.get("Bundle-Version").filter(ArchiveReader::versionLike);
        if (implementationVersion.isPresent()) {
            version = implementationVersion.get();
            versionSource = "MANIFEST.MF Implementation-Version";
        } else if (bundleVersion.isPresent()) {
            version = bundleVersion.get();
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

    private static boolean versionLike(String value) {
        return value.chars().noneMatch(Character::isWhitespace);
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
