package dev.assay.vulndb.store;

import dev.assay.model.Advisory;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import dev.assay.model.NoVerdictException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.vulndb.AdvisoryListing;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.StoreInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The advisory database on disk: a directory written by {@link AdvisoryDatabaseImporter} and opened here
 * in a few milliseconds, whatever its size.
 *
 * <p>Opening reads the small {@code assay-db.json} manifest, maps the data files it names and checks
 * their headers, sizes and the checksums of the index tables. Nothing is parsed per advisory: a lookup
 * binary-searches the memory-mapped package index and decodes only the records it hits, each checked
 * against its own CRC32C. A damaged or foreign file fails with {@link CorruptAdvisoryDatabaseException},
 * a missing database with a {@link NoVerdictException}; neither is ever read as "no advisories".
 *
 * <p>An open database keeps reading the generation it opened while an import commits a new one, so
 * long-running readers are never torn; open again to see the new data. Instances are safe for any number
 * of threads.
 *
 * <pre>
 * DIR/assay-db.json            manifest and commit point (format version, counts, sources, file names)
 * DIR/advisories-N.rec         advisories in a compact binary encoding, one framed record each
 * DIR/packages-N.idx           (ecosystem, normalized name) -> record offsets, sorted for binary search
 * DIR/ids-N.idx                advisory id -> offset, modified and ecosystems (incremental imports)
 * DIR/kev-N.tbl, epss-N.tbl    CVE id -> CISA KEV entry / EPSS score
 * DIR/.lock                    held by the one writer
 * </pre>
 */
public final class AdvisoryDatabase implements AdvisoryStore, AdvisoryListing {
    /** A manifest is a few KB; this only stops a hostile one from filling the heap. */
    private static final long MAX_MANIFEST_BYTES = 16L << 20;

    private static final int OPEN_ATTEMPTS = 5;

    private final Path directory;
    private final byte[] manifestJson;
    private volatile StoreManifest manifest;
    private final RecordsFile records;
    private final SortedTable packages;
    private final SortedTable ids;
    private final SortedTable kev;
    private final SortedTable epss;
    private volatile boolean idsVerified;
    private volatile boolean closed;

    private AdvisoryDatabase(
            Path directory,
            byte[] manifestJson,
            RecordsFile records,
            SortedTable packages,
            SortedTable ids,
            SortedTable kev,
            SortedTable epss) {
        this.directory = directory;
        this.manifestJson = manifestJson;
        this.records = records;
        this.packages = packages;
        this.ids = ids;
        this.kev = kev;
        this.epss = epss;
    }

    /**
     * Opens the database in {@code directory} for reading.
     *
     * @throws NoVerdictException there is no database there (no manifest), or it cannot be read
     * @throws CorruptAdvisoryDatabaseException a file is truncated, damaged, foreign or of another version
     */
    public static AdvisoryDatabase open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path manifestPath = directory.resolve(StoreManifest.FILE_NAME);
        for (int attempt = 1; ; attempt++) {
            byte[] manifestJson = readManifestBytes(directory, manifestPath);
            StoreManifest.Layout layout = StoreManifest.parseLayout(manifestJson, manifestPath.toString());
            try {
                return open(directory, manifestJson, layout);
            } catch (NoSuchFileException e) {
                // A writer committed a newer generation and deleted this one between our reading the
                // manifest and opening its files: read the new manifest.
                if (attempt == OPEN_ATTEMPTS) {
                    throw new CorruptAdvisoryDatabaseException(
                            "a data file named by " + manifestPath + " is missing: " + e.getFile(),
                            directory.toString(),
                            e);
                }
            } catch (IOException e) {
                throw unreadable(directory, e);
            }
        }
    }

    /** An importer that holds the write lock of {@code directory} until it is closed. */
    public static AdvisoryDatabaseImporter importer(Path directory) {
        return AdvisoryDatabaseImporter.open(directory);
    }

    /**
     * Writes the current database as one offline bundle file (see {@link OfflineBundle}); importing the
     * bundle with {@link AdvisoryDatabaseImporter#importPath} restores it exactly.
     */
    public static void export(Path databaseDirectory, Path bundleFile) {
        OfflineBundle.export(databaseDirectory, bundleFile);
    }

    /** Opens the generation a manifest describes (the importer's base, a restored bundle). */
    static AdvisoryDatabase open(Path directory, StoreManifest manifest) throws IOException {
        AdvisoryDatabase database =
                open(directory, manifest.toJson(), new StoreManifest.Layout(manifest.generation(), manifest.files()));
        database.manifest = manifest;
        return database;
    }

    private static AdvisoryDatabase open(Path directory, byte[] manifestJson, StoreManifest.Layout layout)
            throws IOException {
        Map<FileRole, Path> files = new EnumMap<>(FileRole.class);
        for (FileRole role : FileRole.values()) {
            StoreManifest.DataFile dataFile = layout.files().get(role);
            Path path = directory.resolve(dataFile.name());
            long size = Files.size(path);
            if (size != dataFile.size()) {
                throw new CorruptAdvisoryDatabaseException(
                        dataFile.name() + " has " + size + " bytes; the manifest recorded " + dataFile.size()
                                + " (truncated or replaced)",
                        path.toString());
            }
            files.put(role, path);
        }
        RecordsFile records = RecordsFile.open(files.get(FileRole.RECORDS));
        SortedTable packages = SortedTable.open(files.get(FileRole.PACKAGES), StoreFormat.Kind.PACKAGE_INDEX, true);
        SortedTable ids = SortedTable.open(files.get(FileRole.IDS), StoreFormat.Kind.ID_INDEX, false);
        SortedTable kev = SortedTable.open(files.get(FileRole.KEV), StoreFormat.Kind.KEV_TABLE, true);
        SortedTable epss = SortedTable.open(files.get(FileRole.EPSS), StoreFormat.Kind.EPSS_TABLE, true);
        return new AdvisoryDatabase(directory, manifestJson, records, packages, ids, kev, epss);
    }

    static StoreManifest readManifest(Path directory, Path manifestPath) {
        return StoreManifest.parse(readManifestBytes(directory, manifestPath), manifestPath.toString());
    }

    private static byte[] readManifestBytes(Path directory, Path manifestPath) {
        try (InputStream input = Files.newInputStream(manifestPath)) {
            return BoundedInput.readAll(input, MAX_MANIFEST_BYTES, manifestPath.toString());
        } catch (NoSuchFileException e) {
            throw missing(directory);
        } catch (IOException e) {
            throw unreadable(directory, e);
        }
    }

    static NoVerdictException missing(Path directory) {
        return new NoVerdictException(
                "no advisory database at " + directory + "; run assay db update or assay db import",
                directory.toString(),
                "run assay db update (online) or assay db import PATH (offline), or point --db or ASSAY_DB at one",
                null);
    }

    private static NoVerdictException unreadable(Path directory, IOException e) {
        return new NoVerdictException(
                "cannot read the advisory database at " + directory + ": " + e.getMessage(),
                directory.toString(),
                "check the permissions of the directory",
                e);
    }

    @Override
    public List<Advisory> advisories(String ecosystem, String packageName) {
        checkOpen();
        byte[] value = packages.get(IndexValues.packageKey(ecosystem, packageName));
        if (value == null) {
            return List.of();
        }
        long[] offsets = decode(() -> IndexValues.decodeOffsets(value), packages.name());
        List<Advisory> result = new ArrayList<>(offsets.length);
        for (long offset : offsets) {
            result.add(readRecord(offset));
        }
        return result;
    }

    /** Read from the id index alone: no record is decoded. */
    @Override
    public SortedMap<String, Instant> modifiedById() {
        checkOpen();
        verifyIdsOnce();
        SortedMap<String, Instant> result = new TreeMap<>();
        for (int index = 0; index < ids.size(); index++) {
            byte[] value = ids.value(index);
            IndexValues.IdEntry entry = decode(() -> IndexValues.IdEntry.decode(value), ids.name());
            result.put(
                    new String(ids.key(index), StandardCharsets.UTF_8),
                    entry.modified() == null ? NO_MODIFIED : entry.modified());
        }
        return Collections.unmodifiableSortedMap(result);
    }

    @Override
    public Optional<Advisory> advisory(String id) {
        checkOpen();
        verifyIdsOnce();
        byte[] value = ids.get(IndexValues.idKey(id));
        if (value == null) {
            return Optional.empty();
        }
        IndexValues.IdEntry entry = decode(() -> IndexValues.IdEntry.decode(value), ids.name());
        return Optional.of(readRecord(entry.offset()));
    }

    @Override
    public Optional<KevEntry> kev(String cveId) {
        checkOpen();
        byte[] key = IndexValues.cveKey(cveId);
        byte[] value = kev.get(key);
        return value == null
                ? Optional.empty()
                : Optional.of(decode(() -> IndexValues.decodeKev(key, value), kev.name()));
    }

    @Override
    public Optional<EpssScore> epss(String cveId) {
        checkOpen();
        byte[] key = IndexValues.cveKey(cveId);
        byte[] value = epss.get(key);
        return value == null
                ? Optional.empty()
                : Optional.of(decode(() -> IndexValues.decodeEpss(key, value), epss.name()));
    }

    @Override
    public StoreInfo info() {
        return manifest().toInfo(directory.toString());
    }

    /** Distinct advisories, each counted once (the per-ecosystem counts of {@link #info()} count a
     * record under every ecosystem it affects). */
    public int advisoryCount() {
        return manifest().advisories();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Reads every byte of every file and checks all checksums, for {@code assay db status --verify} and
     * after restoring a bundle. Opening checks only what lookups depend on.
     *
     * @throws CorruptAdvisoryDatabaseException on the first mismatch
     */
    public void verify() {
        checkOpen();
        records.verify();
        verifyTableBody(ids);
        verifyTableBody(packages);
        verifyTableBody(kev);
        verifyTableBody(epss);
        idsVerified = true;
    }

    @Override
    public void close() {
        // The mappings are released by the garbage collector; after close this instance refuses lookups so
        // that a use-after-close is a clear error rather than a read of a file a writer may have collected.
        closed = true;
    }

    /** The full manifest, parsed on first use: lookups never need its dates, counts or sources. */
    StoreManifest manifest() {
        StoreManifest parsed = manifest;
        if (parsed == null) {
            parsed = StoreManifest.parse(
                    manifestJson, directory.resolve(StoreManifest.FILE_NAME).toString());
            manifest = parsed;
        }
        return parsed;
    }

    RecordsFile records() {
        return records;
    }

    SortedTable packageTable() {
        return packages;
    }

    SortedTable idTable() {
        verifyIdsOnce();
        return ids;
    }

    SortedTable kevTable() {
        return kev;
    }

    SortedTable epssTable() {
        return epss;
    }

    private Advisory readRecord(long offset) {
        byte[] payload = records.read(offset);
        return decode(() -> AdvisoryCodec.decode(payload, 0, payload.length), records.name());
    }

    private void verifyIdsOnce() {
        if (!idsVerified) {
            verifyTableBody(ids);
            idsVerified = true;
        }
    }

    private static void verifyTableBody(SortedTable table) {
        java.nio.ByteBuffer bytes = table.bytes();
        StoreFormat.Header header = StoreFormat.Header.decode(bytes, kindOf(table), bytes.capacity(), table.name());
        if (StoreFormat.crc32c(bytes, StoreFormat.HEADER_BYTES, bytes.capacity()) != header.bodyCrc()) {
            throw new CorruptAdvisoryDatabaseException(table.name() + " is damaged (checksum mismatch)", table.name());
        }
    }

    private static StoreFormat.Kind kindOf(SortedTable table) {
        for (FileRole role : FileRole.values()) {
            if (role.matches(table.name())) {
                return role.kind;
            }
        }
        throw new CorruptAdvisoryDatabaseException(table.name() + " is not a store file name", table.name());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the advisory database at " + directory + " is closed");
        }
    }

    private static <T> T decode(java.util.function.Supplier<T> decoder, String file) {
        try {
            return decoder.get();
        } catch (MalformedDataException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new CorruptAdvisoryDatabaseException(file + " is damaged: " + e.getMessage(), file, e);
        }
    }
}
