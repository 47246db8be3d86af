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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

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
    private final Supplier<Optional<RepositoryPath>> repositoryPath;
    private final List<Component> components = new ArrayList<>();
    private final List<Relationship> relationships = new ArrayList<>();
    private final List<Unknown> unknowns = new ArrayList<>();

    /**
     * @param repositoryPath what the top-level archive's place in a repository layout says about it;
     *     asked only when needed, as it may read a sibling {@code .pom}
     */
    ArchiveReader(ArchiveBudget budget, Supplier<Optional<RepositoryPath>> repositoryPath) {
        this.budget = budget;
        this.repositoryPath = repositoryPath;
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
     * class to get past it. The whole directory is checked before any entry is inflated; when it does not
     * check out the archive is streamed instead (a truncated archive still yields the entries before the
     * cut). Entries counted before that switch count again while streaming: the budget errs on the safe
     * side.
     */
    Optional<Purl> readInMemory(byte[] archive, Location location, int depth) throws IOException {
        Contents contents = new Contents();
        List<Selected> selected;
        ZipDirectory directory;
        List<Unknown> found = new ArrayList<>();
        try {
            directory = ZipDirectory.read(archive);
            contents.entries = directory.entryCount();
            selected = select(directory, location, found);
        } catch (ZipDirectory.MalformedZipException e) {
            return read(new ByteArrayInputStream(archive), location, depth);
        } catch (ArchiveLimitException e) {
            identify(location, contents, null, depth);
            throw e;
        }
        unknowns.addAll(found);
        if (contents.entries == 0) {
            throw new UnableToParseException(location.path() + " is a zip archive without entries", location.path());
        }
        try {
            for (Selected entry : selected) {
                inflate(directory, entry, location, depth, contents);
            }
        } catch (IOException | RuntimeException e) {
            identify(location, contents, null, depth);
            throw e;
        }
        return Optional.of(identify(location, contents, ArchiveDigest.of(archive), depth));
    }

    /**
     * Walks the whole central directory without inflating anything: counts entries against the budget,
     * reports entries that declare a bomb's ratio, and picks the entries to read, checking their local
     * headers. Two picked entries whose data overlap are the construction of an overlapping zip bomb (many
     * entries sharing one highly compressed run): only the first is read.
     */
    private List<Selected> select(ZipDirectory directory, Location location, List<Unknown> found) throws IOException {
        List<Selected> selected = new ArrayList<>();
        directory.forEach(entry -> {
            budget.countEntry(location.path());
            String name = entry.name();
            if (budget.declaredRatioExceeded(entry.size(), entry.compressedSize())) {
                // Harmless unless inflated, but a bomb is worth reporting wherever it sits.
                found.add(ratioUnknown(location, name));
                return;
            }
            if (entry.directory() || entry.encrypted() || !wanted(name)) {
                return;
            }
            if (entry.method() != ZipDirectory.STORED && entry.method() != ZipDirectory.DEFLATED) {
                throw new ZipDirectory.MalformedZipException(name + ": compression method " + entry.method());
            }
            selected.add(new Selected(entry, directory.dataStart(entry)));
        });
        Integer[] byOffset = new Integer[selected.size()];
        Arrays.setAll(byOffset, index -> index);
        Arrays.sort(
                byOffset, Comparator.comparingInt(index -> selected.get(index).dataStart()));
        boolean[] overlapping = new boolean[selected.size()];
        int overlaps = 0;
        String firstOverlap = null;
        long end = -1;
        for (int index : byOffset) {
            Selected entry = selected.get(index);
            long size = entry.entry().compressedSize();
            if (size > 0 && entry.dataStart() < end) {
                overlapping[index] = true;
                overlaps++;
                firstOverlap = firstOverlap == null ? entry.entry().name() : firstOverlap;
            }
            end = Math.max(end, entry.dataStart() + size);
        }
        if (overlaps > 0) {
            // One report per archive: the construction repeats the same trick thousands of times.
            found.add(new Unknown(
                    location.nested(firstOverlap),
                    JavaArchiveCataloger.ID,
                    overlaps + " entries share their data with other entries: likely an overlapping zip bomb;"
                            + " they were not read"));
        }
        List<Selected> kept = new ArrayList<>();
        for (int index = 0; index < selected.size(); index++) {
            if (!overlapping[index]) {
                kept.add(selected.get(index));
            }
        }
        return kept;
    }

    private static boolean wanted(String name) {
        return name.equalsIgnoreCase("META-INF/MANIFEST.MF")
                || PomProperties.isPomProperties(name)
                || ArchiveFileName.isJavaArchive(name);
    }

    private void inflate(ZipDirectory directory, Selected selected, Location location, int depth, Contents contents)
            throws IOException {
        ZipDirectory.Entry entry = selected.entry();
        String name = entry.name();
        String where = location.path() + "!/" + name;
        try (ZipDirectory.EntryStream raw = directory.open(entry, selected.dataStart());
                InputStream data = budget.meter(raw, raw::compressedCount, where)) {
            if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                small(data, location, name).map(JarManifest::parse).ifPresent(manifest -> contents.manifest = manifest);
            } else if (PomProperties.isPomProperties(name)) {
                small(data, location, name)
                        .map(bytes -> PomProperties.parse(bytes, name))
                        .ifPresent(contents.pomProperties::add);
            } else {
                nested(data, entry.size(), location.nested(name), depth + 1, contents);
            }
        }
    }

    /** An entry picked for reading, with where its data starts in the archive. */
    private record Selected(ZipDirectory.Entry entry, int dataStart) {}

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
                identify(location, contents, null, depth);
            }
            throw e;
        }
        return Optional.of(identify(location, contents, digests.digest(), depth));
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
     * matching one, a repository layout the top-level archive sits in names it; failing that, the
     * manifest and the file name describe the archive. A classifier only the repository path states
     * ({@code -sources}, {@code -linux-x86_64}) is kept: it is a different file from the main artifact.
     */
    private Purl identify(Location location, Contents contents, ArchiveDigest digest, int depth) {
        ArchiveFileName fileName = ArchiveFileName.of(location.path());
        JarManifest manifest = contents.manifest;
        Optional<PomProperties> own = ownPomProperties(fileName, manifest, contents.pomProperties);
        // With its own pom.properties, the path can only add a classifier, which the file name reveals.
        boolean pathNeeded = own.isEmpty()
                || !fileName.base()
                        .equals(own.get().artifactId() + "-" + own.get().version());
        Optional<RepositoryPath> layout = depth == 1 && pathNeeded ? repositoryPath.get() : Optional.empty();
        Component.Builder main = own.map(properties -> mavenComponent(properties, location, layout))
                .or(() ->
                        layout.map(path -> Component.builder(path.coordinates().purl())
                                .evidence(JavaArchiveCataloger.ID, location, path.versionSource())))
                .orElseGet(() -> manifestComponent(fileName, manifest, location));
        main.kind(applicationLike(location, manifest) ? ComponentKind.APPLICATION : ComponentKind.LIBRARY)
                .licenses(manifest.bundleLicenses());
        if (digest != null) {
            main.hash(HashAlgorithm.SHA1, digest.sha1()).hash(HashAlgorithm.SHA256, digest.sha256());
        }
        Component archive = main.build();
        components.add(archive);
        for (PomProperties properties : contents.pomProperties) {
            if (own.isPresent() && own.get() == properties || !properties.complete()) {
                continue;
            }
            Component shaded = mavenComponent(properties, location.nested(properties.path()), Optional.empty())
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

    private static Component.Builder mavenComponent(
            PomProperties properties, Location location, Optional<RepositoryPath> layout) {
        String classifier = layout.filter(path -> path.groupId().equals(properties.groupId())
                        && path.artifactId().equals(properties.artifactId())
                        && path.version().equals(properties.version()))
                .map(RepositoryPath::classifier)
                .orElse("");
        Purl purl = new MavenCoordinates(
                        properties.groupId(), properties.artifactId(), properties.version(), "", classifier)
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
        private long entries;
    }
}
