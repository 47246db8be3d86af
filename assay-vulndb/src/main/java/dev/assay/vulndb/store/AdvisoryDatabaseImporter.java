package dev.assay.vulndb.store;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Location;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.Limits;
import dev.assay.vulndb.PackageNames;
import dev.assay.vulndb.StoreInfo;
import dev.assay.vulndb.epss.EpssCsvReader;
import dev.assay.vulndb.epss.EpssFile;
import dev.assay.vulndb.kev.KevCatalog;
import dev.assay.vulndb.kev.KevCatalogReader;
import dev.assay.vulndb.osv.OsvFiles;
import dev.assay.vulndb.osv.OsvSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write session on an advisory database directory: import any number of sources, then
 * {@link #commit()} them as one new generation, or {@link #close()} without committing to change nothing.
 *
 * <pre>{@code
 * try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(dir)) {
 *     ImportReport osv = importer.importPath(Path.of("advisories"));   // directory, zip, file or bundle
 *     ImportReport kev = importer.importKev(Path.of("known_exploited_vulnerabilities.json"));
 *     CommitReport result = importer.commit();
 * }
 * }</pre>
 *
 * <p>The session holds an exclusive lock on {@code DIR/.lock} from creation to close; a second writer,
 * in this process or another, fails at once with {@link AdvisoryDatabaseLockedException}. Readers are
 * never blocked. Records are converted and spooled to a staging file as they are read, so memory holds
 * only a small summary per record, not the advisories; a session can import the full OSV dump.
 *
 * <p>Incremental semantics: an imported record replaces a stored one with the same id only when its
 * {@code modified} is newer (or, when either lacks a {@code modified}, when its content differs); equal
 * content is "unchanged". Records not imported are kept. A KEV or EPSS import replaces that whole table,
 * as both are published as complete snapshots.
 *
 * <p>A failed import call changes nothing of the session (its records are dropped); a failed commit
 * changes nothing on disk.
 */
public final class AdvisoryDatabaseImporter implements AutoCloseable {
    static final String LOCK_FILE = ".lock";
    static final String STAGING_PREFIX = ".staging-";
    private static final String MANIFEST_TEMPORARY = StoreManifest.FILE_NAME + ".tmp";
    private static final int MAX_SOURCES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryDatabaseImporter.class);

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Clock clock;
    private final Map<String, Pending> pending = new HashMap<>();
    private final List<ImportReport> reports = new ArrayList<>();
    private final List<StoreInfo.Source> newSources = new ArrayList<>();
    private Limits limits = OsvFiles.DEFAULT_LIMITS;
    private int windowShift = RecordsFileWriter.DEFAULT_WINDOW_SHIFT;
    private Boolean snapshot;
    private Path staging;
    private RecordsFileWriter stagingWriter;
    private KevCatalog kev;
    private EpssFile epss;
    private AdvisoryDatabase bundleBase;
    private boolean committed;
    private boolean closed;

    private AdvisoryDatabaseImporter(Path directory, FileChannel lockChannel, FileLock lock, Clock clock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.clock = clock;
    }

    static AdvisoryDatabaseImporter open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    static AdvisoryDatabaseImporter open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel =
                    FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new AdvisoryDatabaseLockedException(directory.toString(), null);
            }
            return new AdvisoryDatabaseImporter(directory, channel, lock, clock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new AdvisoryDatabaseLockedException(directory.toString(), e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidInputException(
                    "cannot write the advisory database at " + directory + ": " + e.getMessage(),
                    directory.toString(),
                    "check that the directory is writable, or choose another with --db",
                    e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Bounds for the OSV inputs of this session (record size, archive entries and expansion). */
    public AdvisoryDatabaseImporter limits(Limits newLimits) {
        this.limits = Objects.requireNonNull(newLimits, "limits");
        return this;
    }

    /** Marks the committed database as the snapshot shipped with Assay (true) or a full download (false). */
    public AdvisoryDatabaseImporter snapshot(boolean isSnapshot) {
        this.snapshot = isSnapshot;
        return this;
    }

    /** Records file window size, small in tests so that records cross window boundaries. */
    AdvisoryDatabaseImporter windowShift(int shift) {
        this.windowShift = shift;
        return this;
    }

    /**
     * Imports whatever {@code path} is: a directory of OSV files, a zip of OSV records, an offline bundle
     * (a zip with {@code assay-bundle.json}), one OSV {@code .json}/{@code .yaml} record, a CISA KEV
     * catalog ({@code .json} or {@code .csv}) or an EPSS file ({@code .csv} or {@code .csv.gz}).
     * Recognized by content where the name could mislead.
     *
     * @throws InvalidInputException the path does not exist or is none of these
     */
    public ImportReport importPath(Path path) {
        return importPath(path, null);
    }

    /** As {@link #importPath(Path)}, with the {@link Advisory#source()} label for OSV records. */
    public ImportReport importPath(Path path, String source) {
        checkUsable();
        if (Files.isDirectory(path)) {
            return importOsvDirectory(path, source);
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("no such file or directory: " + path, path.toString());
        }
        byte[] head = head(path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (OsvFiles.looksLikeZip(head)) {
            return isBundle(path) ? importBundle(path) : importZip(path, source);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
            return importEpss(path);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        String firstLine = text.lines().findFirst().orElse("");
        if (EpssCsvReader.looksLikeEpss(firstLine)) {
            return importEpss(path);
        }
        if (KevCatalogReader.isKevCsvHeader(firstLine)) {
            return importKev(path);
        }
        if (name.endsWith(".json") && text.stripLeading().startsWith("{") && text.contains("\"catalogVersion\"")) {
            return importKev(path);
        }
        if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            return importOsvFile(path, source);
        }
        throw new InvalidInputException(
                "cannot tell what " + path + " is",
                path.toString(),
                "import a directory or zip of OSV records, an OSV .json/.yaml file, a CISA KEV .json/.csv, an"
                        + " EPSS .csv/.csv.gz or an Assay offline bundle",
                null);
    }

    /** Every {@code .json}, {@code .yaml} and {@code .yml} file under {@code root}. */
    public ImportReport importOsvDirectory(Path root, String source) {
        checkUsable();
        return importOsv(root.toAbsolutePath().toString(), sink -> OsvFiles.readTree(root, limits, source, sink));
    }

    /** A zip of OSV records, as {@code https://osv-vulnerabilities.storage.googleapis.com/<ecosystem>/all.zip}. */
    public ImportReport importZip(Path zip, String source) {
        checkUsable();
        return importOsv(zip.toAbsolutePath().toString(), sink -> OsvFiles.readZip(zip, limits, source, sink));
    }

    /** One OSV record file; unlike a tree or zip, a file that is not a usable record fails the call. */
    public ImportReport importOsvFile(Path file, String source) {
        checkUsable();
        ImportReport report =
                importOsv(file.toAbsolutePath().toString(), sink -> OsvFiles.readFile(file, limits, source, sink));
        if (report.errorCount() > 0) {
            throw new UnableToParseException(
                    file + " is not a usable OSV record: "
                            + report.errors().get(0).reason(),
                    file.toString());
        }
        if (report.warningCount() > 0) {
            throw new InvalidInputException(
                    file + " is " + report.warnings().get(0).reason(),
                    file.toString(),
                    "import OSV records, a CISA KEV catalog or an EPSS file",
                    null);
        }
        return report;
    }

    /**
     * Advisories already converted (by another reader, or built by a test): imported with the same
     * incremental rules as records read from OSV files.
     *
     * @param origin what to record as the source of this import in the database's metadata
     */
    public ImportReport importAdvisories(List<Advisory> advisories, String origin) {
        checkUsable();
        Location location = Location.of(origin);
        return importOsv(origin, sink -> advisories.forEach(advisory -> sink.record(advisory, location)));
    }

    /** CISA's KEV catalog, JSON or CSV; replaces the stored catalog at commit. */
    public ImportReport importKev(Path file) {
        checkUsable();
        Instant start = clock.instant();
        KevCatalog catalog = readInput(file, () -> KevCatalogReader.read(file));
        this.kev = catalog;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("catalogVersion", catalog.catalogVersion());
        details.put("dateReleased", catalog.dateReleased());
        addSource("kev", file, catalog.entries().size(), details);
        return tableReport(
                "kev",
                file,
                catalog.entries().size() + catalog.skippedRows(),
                catalog.entries().size(),
                catalog.skippedRows(),
                start);
    }

    /** FIRST's EPSS scores, {@code .csv} or {@code .csv.gz}; replaces the stored scores at commit. */
    public ImportReport importEpss(Path file) {
        checkUsable();
        Instant start = clock.instant();
        EpssFile scores = readInput(file, () -> EpssCsvReader.read(file));
        this.epss = scores;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("modelVersion", scores.modelVersion());
        details.put("scoreDate", scores.scoreDate());
        addSource("epss", file, scores.scores().size(), details);
        return tableReport(
                "epss",
                file,
                scores.scores().size() + scores.skippedRows(),
                scores.scores().size(),
                scores.skippedRows(),
                start);
    }

    /**
     * An offline bundle made by {@link AdvisoryDatabase#export}: verified completely now, then at commit it
     * replaces the database (with this session's other imports applied on top of it).
     *
     * @throws CorruptBundleException the bundle does not match its manifest; nothing is changed
     */
    public ImportReport importBundle(Path bundle) {
        checkUsable();
        Instant start = clock.instant();
        Path target = stagingDirectory().resolve("bundle-" + UUID.randomUUID());
        try {
            Files.createDirectory(target);
            AdvisoryDatabase restored = OfflineBundle.restore(bundle, target, limits.maxExpandedBytes());
            if (bundleBase != null) {
                bundleBase.close();
            }
            bundleBase = restored;
        } catch (IOException e) {
            deleteTree(target);
            throw new InvalidInputException(
                    "cannot read the bundle " + bundle + ": " + e.getMessage(), bundle.toString(), e);
        } catch (RuntimeException e) {
            deleteTree(target);
            throw e;
        }
        StoreManifest manifest = bundleBase.manifest();
        ImportReport report = new ImportReport(
                "bundle",
                bundle.toString(),
                manifest.advisories(),
                manifest.advisories(),
                manifest.advisoriesByEcosystem(),
                0,
                0,
                0,
                List.of(),
                0,
                List.of(),
                Duration.between(start, clock.instant()));
        reports.add(report);
        return report;
    }

    /**
     * Writes a new generation of the database from the current one (or the imported bundle) and
     * everything imported in this session, and makes it current atomically.
     */
    public CommitReport commit() {
        checkUsable();
        // One attempt per session: after a failure the staged state is no longer consistent to retry from.
        committed = true;
        Instant start = clock.instant();
        AdvisoryDatabase current = null;
        try {
            current = currentStore();
            AdvisoryDatabase base = bundleBase != null ? bundleBase : current;
            long generation = nextGeneration(current);
            RecordsFile stagedRecords = null;
            if (stagingWriter != null) {
                stagingWriter.finish();
                stagingWriter.close();
                stagingWriter = null;
                stagedRecords = RecordsFile.open(staging.resolve("staged.rec"));
            }
            List<GenerationWriter.Staged> staged = sortedPending();
            GenerationWriter.Written written = GenerationWriter.write(
                    directory,
                    generation,
                    windowShift,
                    base,
                    staged,
                    stagedRecords,
                    kev == null ? null : kev.entries(),
                    epss == null ? null : epss.scores());
            StoreManifest manifest = manifest(base, generation, written);
            publish(manifest);
            if (current != null) {
                // Our own mapping of the replaced generation must not keep its files (Windows).
                current.close();
                current = null;
            }
            collectGarbage(generation);
            GenerationWriter.Counts counts = written.counts();
            return new CommitReport(
                    counts.added(),
                    counts.updated(),
                    counts.unchanged(),
                    counts.advisories(),
                    written.kevEntries(),
                    written.epssScores(),
                    manifest.toInfo(directory.toString()),
                    reports,
                    Duration.between(start, clock.instant()));
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot write the advisory database at " + directory + ": " + e.getMessage(),
                    directory.toString(),
                    "check free space and permissions; the previous database is unchanged",
                    e);
        } finally {
            if (current != null) {
                current.close();
            }
        }
    }

    /** Releases the lock and removes staged data; without a {@link #commit()} nothing has changed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (stagingWriter != null) {
                stagingWriter.close();
            }
        } catch (IOException e) {
            LOG.debug("cannot close the staging file", e);
        }
        if (bundleBase != null) {
            bundleBase.close();
        }
        if (staging != null) {
            deleteTree(staging);
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("cannot release {}", directory.resolve(LOCK_FILE), e);
        }
        closeQuietly(lockChannel);
    }

    // ---- OSV ----

    @FunctionalInterface
    private interface OsvRead {
        void run(OsvSink sink) throws IOException;
    }

    private ImportReport importOsv(String origin, OsvRead read) {
        Instant start = clock.instant();
        CallSink sink = new CallSink();
        try {
            read.run(sink);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + origin + ": " + e.getMessage(), origin, e);
        } catch (UncheckedStagingException e) {
            throw new InvalidInputException(
                    "cannot stage records in " + directory + ": " + e.getCause().getMessage(),
                    directory.toString(),
                    e.getCause());
        }
        // Only a call that completed contributes: a failed zip leaves the session as it was.
        int duplicates = sink.duplicates;
        for (Map.Entry<String, Pending> entry : sink.accepted.entrySet()) {
            Pending previous = pending.get(entry.getKey());
            if (previous == null) {
                pending.put(entry.getKey(), entry.getValue());
            } else {
                duplicates++;
                Pending incoming = entry.getValue();
                boolean same = previous.contentHash == incoming.contentHash;
                if (GenerationWriter.supersedes(incoming.modified, previous.modified, same)) {
                    pending.put(entry.getKey(), incoming);
                }
            }
        }
        SortedMap<String, Integer> byEcosystem = new TreeMap<>();
        for (Pending accepted : sink.accepted.values()) {
            for (String ecosystem : accepted.ecosystems) {
                byEcosystem.merge(ecosystem, 1, Integer::sum);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("errors", Integer.toString(sink.errorCount));
        details.put("notOsv", Integer.toString(sink.warningCount));
        addSource("osv", origin, sink.accepted.size(), details);
        ImportReport report = new ImportReport(
                "osv",
                origin,
                sink.recordsRead,
                sink.accepted.size(),
                byEcosystem,
                duplicates,
                sink.ignored,
                sink.errorCount,
                sink.errors,
                sink.warningCount,
                sink.warnings,
                Duration.between(start, clock.instant()));
        reports.add(report);
        LOG.debug(
                "read {} OSV records from {} ({} errors, {} not OSV)",
                sink.recordsRead,
                origin,
                sink.errorCount,
                sink.warningCount);
        return report;
    }

    /** What the session remembers of a staged record until commit. */
    private record Pending(
            long stagingOffset,
            long contentHash,
            Instant modified,
            List<String> ecosystems,
            List<byte[]> packageKeys) {}

    /** Collects one call's records: spooled to the staging file at once, summarized in memory. */
    private final class CallSink implements OsvSink {
        final Map<String, Pending> accepted = new LinkedHashMap<>();
        final List<Unknown> errors = new ArrayList<>();
        final List<Unknown> warnings = new ArrayList<>();
        int recordsRead;
        int errorCount;
        int warningCount;
        int ignored;
        int duplicates;
        private final CRC32C crc = new CRC32C();

        @Override
        public void record(Advisory advisory, Location location) {
            recordsRead++;
            byte[] payload = AdvisoryCodec.encode(advisory);
            crc.reset();
            crc.update(payload);
            long hash = ((long) payload.length << 32) | crc.getValue();
            long offset;
            try {
                offset = stagingWriter().append(payload);
            } catch (IOException e) {
                throw new UncheckedStagingException(e);
            }
            Set<String> ecosystems = new LinkedHashSet<>();
            Map<String, byte[]> keys = new LinkedHashMap<>();
            for (AffectedPackage affected : advisory.affected()) {
                ecosystems.add(PackageNames.ecosystemBase(affected.ecosystem()));
                byte[] key = IndexValues.packageKey(affected.ecosystem(), affected.name());
                keys.putIfAbsent(new String(key, StandardCharsets.UTF_8), key);
            }
            Pending incoming =
                    new Pending(offset, hash, advisory.modified(), List.copyOf(ecosystems), List.copyOf(keys.values()));
            Pending previous = accepted.get(advisory.id());
            if (previous == null) {
                accepted.put(advisory.id(), incoming);
                return;
            }
            duplicates++;
            if (GenerationWriter.supersedes(incoming.modified, previous.modified, previous.contentHash == hash)) {
                accepted.put(advisory.id(), incoming);
            }
        }

        @Override
        public void error(Location location, String reason) {
            recordsRead++;
            errorCount++;
            if (errors.size() < ImportReport.MAX_LISTED) {
                errors.add(new Unknown(location, ImportReport.UNKNOWN_SOURCE, reason));
            }
        }

        @Override
        public void notOsv(Location location, String reason) {
            warningCount++;
            if (warnings.size() < ImportReport.MAX_LISTED) {
                warnings.add(new Unknown(location, ImportReport.UNKNOWN_SOURCE, reason));
            }
        }

        @Override
        public void ignored(Location location) {
            ignored++;
        }
    }

    /** Carries an I/O failure of the staging file out of the sink callbacks. */
    private static final class UncheckedStagingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedStagingException(IOException cause) {
            super(cause);
        }
    }

    private RecordsFileWriter stagingWriter() throws IOException {
        if (stagingWriter == null) {
            stagingWriter = new RecordsFileWriter(
                    stagingDirectory().resolve("staged.rec"), RecordsFileWriter.DEFAULT_WINDOW_SHIFT);
        }
        return stagingWriter;
    }

    private Path stagingDirectory() {
        if (staging == null) {
            try {
                staging = Files.createDirectory(directory.resolve(STAGING_PREFIX + UUID.randomUUID()));
            } catch (IOException e) {
                throw new InvalidInputException(
                        "cannot write to " + directory + ": " + e.getMessage(), directory.toString(), e);
            }
        }
        return staging;
    }

    private List<GenerationWriter.Staged> sortedPending() {
        List<GenerationWriter.Staged> staged = new ArrayList<>(pending.size());
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            Pending value = entry.getValue();
            staged.add(new GenerationWriter.Staged(
                    IndexValues.idKey(entry.getKey()),
                    value.stagingOffset,
                    value.modified,
                    value.ecosystems,
                    value.packageKeys));
        }
        staged.sort(Comparator.comparing(GenerationWriter.Staged::idKey, Arrays::compareUnsigned));
        return staged;
    }

    // ---- KEV and EPSS ----

    @FunctionalInterface
    private interface InputRead<T> {
        T read() throws IOException;
    }

    private static <T> T readInput(Path file, InputRead<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), file.toString(), e);
        }
    }

    private ImportReport tableReport(String kind, Path file, int read, int accepted, int skipped, Instant start) {
        List<Unknown> errors = skipped == 0
                ? List.of()
                : List.of(new Unknown(
                        Location.of(file.toString()),
                        ImportReport.UNKNOWN_SOURCE,
                        skipped + " rows without a valid CVE id or values"));
        ImportReport report = new ImportReport(
                kind,
                file.toString(),
                read,
                accepted,
                new TreeMap<>(),
                0,
                0,
                skipped,
                errors,
                0,
                List.of(),
                Duration.between(start, clock.instant()));
        reports.add(report);
        return report;
    }

    // ---- commit ----

    private AdvisoryDatabase currentStore() throws IOException {
        if (!Files.exists(directory.resolve(StoreManifest.FILE_NAME))) {
            return null;
        }
        StoreManifest manifest = AdvisoryDatabase.readManifest(directory, directory.resolve(StoreManifest.FILE_NAME));
        // We hold the lock: no one collects files under us, so no retry is needed.
        return AdvisoryDatabase.open(directory, manifest);
    }

    private long nextGeneration(AdvisoryDatabase current) throws IOException {
        long highest = current == null ? 0 : current.manifest().generation();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher matcher = FileRole.DATA_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    highest = Math.max(highest, Long.parseLong(matcher.group(2)));
                }
            }
        }
        return highest + 1;
    }

    private StoreManifest manifest(AdvisoryDatabase base, long generation, GenerationWriter.Written written) {
        StoreManifest previous = base == null ? null : base.manifest();
        boolean onlyBundle = bundleBase != null && newSources.isEmpty();
        Instant updatedAt = onlyBundle ? previous.updatedAt() : clock.instant();
        List<StoreInfo.Source> sources = new ArrayList<>(previous == null ? List.of() : previous.sources());
        for (StoreInfo.Source source : newSources) {
            sources.removeIf(existing ->
                    existing.kind().equals(source.kind()) && existing.origin().equals(source.origin()));
            sources.add(source);
        }
        if (sources.size() > MAX_SOURCES) {
            sources = new ArrayList<>(sources.subList(sources.size() - MAX_SOURCES, sources.size()));
        }
        boolean isSnapshot = snapshot != null ? snapshot : previous != null && previous.snapshot();
        GenerationWriter.Counts counts = written.counts();
        return new StoreManifest(
                generation,
                updatedAt,
                isSnapshot,
                written.files(),
                counts.advisories(),
                counts.byEcosystem(),
                written.kevEntries(),
                written.epssScores(),
                sources);
    }

    /** The commit point: the new manifest replaces the old one in one rename. */
    private void publish(StoreManifest manifest) throws IOException {
        Path temporary = directory.resolve(MANIFEST_TEMPORARY);
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(manifest.toJson()));
            channel.force(true);
        }
        try {
            Files.move(
                    temporary,
                    directory.resolve(StoreManifest.FILE_NAME),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("the file system of " + directory + " cannot rename atomically", e);
        }
        forceDirectory();
    }

    private void forceDirectory() {
        // Makes the rename durable on POSIX; not supported on Windows, where the rename is durable anyway.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot force the directory {}", directory, e);
        }
    }

    /**
     * Removes data files of every generation but the new one, and staging left by crashed writers. A
     * reader that has mapped the old files keeps reading them (POSIX keeps an unlinked file alive while
     * mapped; on Windows the delete fails and the next commit tries again); a reader that read the old
     * manifest but had not opened its files yet finds them gone and reads the new manifest instead. So the
     * directory holds one copy of the data, not two.
     */
    private void collectGarbage(long generation) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher matcher = FileRole.DATA_FILE.matcher(name);
                if (matcher.matches()) {
                    long fileGeneration = Long.parseLong(matcher.group(2));
                    if (fileGeneration != generation) {
                        deleteQuietly(file);
                    }
                } else if (name.startsWith(STAGING_PREFIX) && !file.equals(staging)) {
                    deleteTree(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {} to remove old generations", directory, e);
        }
    }

    // ---- helpers ----

    private void addSource(String kind, Path origin, int records, Map<String, String> details) {
        addSource(kind, origin.toAbsolutePath().toString(), records, details);
    }

    private void addSource(String kind, String origin, int records, Map<String, String> details) {
        newSources.add(new StoreInfo.Source(kind, origin, clock.instant(), records, details));
    }

    private boolean isBundle(Path zip) {
        try {
            return OfflineBundle.isBundle(zip);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + zip + ": " + e.getMessage(), zip.toString(), e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            return input.readNBytes(4096);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), file.toString(), e);
        }
    }

    private void checkUsable() {
        if (closed || committed) {
            throw new IllegalStateException("this import session is " + (closed ? "closed" : "committed"));
        }
    }

    private static void deleteTree(Path root) {
        try {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(AdvisoryDatabaseImporter::deleteQuietly);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("cannot remove {}", root, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            // On Windows a file another process maps cannot be deleted; the next commit tries again.
            LOG.debug("cannot remove {}", file, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("cannot close the lock file", e);
            }
        }
    }
}
