package dev.assay.vulndb.store;

import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the data files of a new generation by merging the base generation (the current store, or a
 * restored bundle) with the staged records of an import session. Stored records are copied as bytes,
 * never decoded; the package index is rebuilt by walking the old index in key order alongside the staged
 * keys, so an incremental import of a few records into a large store costs a sequential copy, not a
 * re-parse.
 */
final class GenerationWriter {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationWriter.class);

    private GenerationWriter() {}

    /** A staged record: where it is in the staging file and what the indexes need to know about it. */
    record Staged(
            byte[] idKey, long stagingOffset, Instant modified, List<String> ecosystems, List<byte[]> packageKeys) {}

    record Counts(int added, int updated, int unchanged, int advisories, SortedMap<String, Integer> byEcosystem) {}

    record Written(Map<FileRole, StoreManifest.DataFile> files, Counts counts, int kevEntries, int epssScores) {}

    /**
     * @param base the generation to merge into, or null for a new store
     * @param staged records of this session, sorted by id key, one per id
     * @param kev a new KEV catalog, or null to keep the base's
     * @param epss new EPSS scores, or null to keep the base's
     */
    static Written write(
            Path directory,
            long generation,
            int windowShift,
            AdvisoryDatabase base,
            List<Staged> staged,
            RecordsFile staging,
            List<KevEntry> kev,
            List<EpssScore> epss)
            throws IOException {
        Map<FileRole, Path> paths = new EnumMap<>(FileRole.class);
        for (FileRole role : FileRole.values()) {
            paths.put(role, directory.resolve(role.fileName(generation)));
        }
        boolean done = false;
        try {
            Map<FileRole, StoreManifest.DataFile> files = new EnumMap<>(FileRole.class);
            Counts counts = writeAdvisories(paths, windowShift, base, staged, staging);
            int kevEntries = writeKev(paths.get(FileRole.KEV), base, kev);
            int epssScores = writeEpss(paths.get(FileRole.EPSS), base, epss);
            for (FileRole role : FileRole.values()) {
                Path path = paths.get(role);
                files.put(role, new StoreManifest.DataFile(path.getFileName().toString(), Files.size(path)));
            }
            done = true;
            return new Written(files, counts, kevEntries, epssScores);
        } finally {
            if (!done) {
                for (Path path : paths.values()) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        LOG.debug("cannot remove the partial file {}", path, e);
                    }
                }
            }
        }
    }

    /** Whether an incoming record replaces a stored one with the same id. */
    static boolean supersedes(Instant incoming, Instant existing, boolean sameContent) {
        if (sameContent) {
            return false;
        }
        if (incoming != null && existing != null) {
            return incoming.isAfter(existing);
        }
        // Without both dates nothing orders the two versions: the one imported last is taken as current.
        return true;
    }

    private static Counts writeAdvisories(
            Map<FileRole, Path> paths, int windowShift, AdvisoryDatabase base, List<Staged> staged, RecordsFile staging)
            throws IOException {
        SortedTable baseIds = base == null ? null : base.idTable();
        int baseCount = baseIds == null ? 0 : baseIds.size();
        OffsetMap survivors = new OffsetMap(baseCount);
        List<KeyOffset> newKeys = new ArrayList<>();
        SortedMap<String, Integer> byEcosystem = new TreeMap<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int total = 0;
        try (RecordsFileWriter records = new RecordsFileWriter(paths.get(FileRole.RECORDS), windowShift);
                SortedTableWriter ids = new SortedTableWriter(paths.get(FileRole.IDS), StoreFormat.Kind.ID_INDEX)) {
            int b = 0;
            int s = 0;
            while (b < baseCount || s < staged.size()) {
                byte[] baseKey = b < baseCount ? baseIds.key(b) : null;
                Staged incoming = s < staged.size() ? staged.get(s) : null;
                int order =
                        baseKey == null ? 1 : incoming == null ? -1 : IndexValues.compare(baseKey, incoming.idKey());
                IndexValues.IdEntry stored = order <= 0 ? decodeIdEntry(baseIds, b) : null;
                IndexValues.IdEntry written;
                if (order < 0) {
                    written = copyStored(base, stored, records, survivors);
                    ids.add(baseKey, written.encode());
                    b++;
                } else if (order > 0) {
                    written = copyStaged(incoming, staging, records, newKeys);
                    ids.add(incoming.idKey(), written.encode());
                    added++;
                    s++;
                } else {
                    byte[] storedPayload = base.records().read(stored.offset());
                    byte[] incomingPayload = staging.read(incoming.stagingOffset());
                    boolean same = Arrays.equals(storedPayload, incomingPayload);
                    if (supersedes(incoming.modified(), stored.modified(), same)) {
                        written = copyStaged(incoming, staging, records, newKeys);
                        updated++;
                    } else {
                        written = copyStored(base, stored, records, survivors);
                        unchanged++;
                    }
                    ids.add(baseKey, written.encode());
                    b++;
                    s++;
                }
                total++;
                for (String ecosystem : written.ecosystems()) {
                    byEcosystem.merge(ecosystem, 1, Integer::sum);
                }
            }
            records.finish();
            ids.finish();
        }
        writePackages(paths.get(FileRole.PACKAGES), base, survivors, newKeys);
        return new Counts(added, updated, unchanged, total, byEcosystem);
    }

    private static IndexValues.IdEntry decodeIdEntry(SortedTable ids, int index) {
        try {
            return IndexValues.IdEntry.decode(ids.value(index));
        } catch (MalformedDataException e) {
            throw new CorruptAdvisoryDatabaseException(ids.name() + " is damaged: " + e.getMessage(), ids.name(), e);
        }
    }

    private static IndexValues.IdEntry copyStored(
            AdvisoryDatabase base, IndexValues.IdEntry stored, RecordsFileWriter records, OffsetMap survivors)
            throws IOException {
        long offset = records.append(base.records().read(stored.offset()));
        survivors.put(stored.offset(), offset);
        return stored.withOffset(offset);
    }

    private static IndexValues.IdEntry copyStaged(
            Staged incoming, RecordsFile staging, RecordsFileWriter records, List<KeyOffset> newKeys)
            throws IOException {
        long offset = records.append(staging.read(incoming.stagingOffset()));
        for (byte[] key : incoming.packageKeys()) {
            newKeys.add(new KeyOffset(key, offset));
        }
        return new IndexValues.IdEntry(offset, incoming.modified(), incoming.ecosystems());
    }

    /**
     * Walks the base package index in key order, maps each surviving record to its new offset, and merges
     * in the keys of the records written from staging.
     */
    private static void writePackages(Path file, AdvisoryDatabase base, OffsetMap survivors, List<KeyOffset> newKeys)
            throws IOException {
        survivors.seal();
        newKeys.sort(
                Comparator.comparing(KeyOffset::key, Arrays::compareUnsigned).thenComparingLong(KeyOffset::offset));
        SortedTable basePackages = base == null ? null : base.packageTable();
        int baseCount = basePackages == null ? 0 : basePackages.size();
        try (SortedTableWriter writer = new SortedTableWriter(file, StoreFormat.Kind.PACKAGE_INDEX)) {
            long[] buffer = new long[16];
            int n = 0;
            int b = 0;
            while (b < baseCount || n < newKeys.size()) {
                byte[] baseKey = b < baseCount ? basePackages.key(b) : null;
                byte[] newKey = n < newKeys.size() ? newKeys.get(n).key() : null;
                byte[] key = baseKey == null
                        ? newKey
                        : newKey == null || IndexValues.compare(baseKey, newKey) <= 0 ? baseKey : newKey;
                int count = 0;
                if (baseKey != null && Arrays.equals(baseKey, key)) {
                    long[] stored = decodeOffsets(basePackages, b);
                    for (long offset : stored) {
                        long moved = survivors.get(offset);
                        if (moved >= 0) {
                            buffer = grow(buffer, count);
                            buffer[count++] = moved;
                        }
                    }
                    b++;
                }
                while (n < newKeys.size() && Arrays.equals(newKeys.get(n).key(), key)) {
                    buffer = grow(buffer, count);
                    buffer[count++] = newKeys.get(n).offset();
                    n++;
                }
                if (count > 0) {
                    Arrays.sort(buffer, 0, count);
                    int distinct = 1;
                    for (int i = 1; i < count; i++) {
                        if (buffer[i] != buffer[distinct - 1]) {
                            buffer[distinct++] = buffer[i];
                        }
                    }
                    writer.add(key, IndexValues.encodeOffsets(buffer, distinct));
                }
            }
            writer.finish();
        }
    }

    private static long[] decodeOffsets(SortedTable table, int index) {
        try {
            return IndexValues.decodeOffsets(table.value(index));
        } catch (MalformedDataException e) {
            throw new CorruptAdvisoryDatabaseException(
                    table.name() + " is damaged: " + e.getMessage(), table.name(), e);
        }
    }

    private static long[] grow(long[] buffer, int count) {
        return count < buffer.length ? buffer : Arrays.copyOf(buffer, buffer.length * 2);
    }

    private static int writeKev(Path file, AdvisoryDatabase base, List<KevEntry> kev) throws IOException {
        try (SortedTableWriter writer = new SortedTableWriter(file, StoreFormat.Kind.KEV_TABLE)) {
            int count = kev == null
                    ? copyTable(base == null ? null : base.kevTable(), writer)
                    : writeSorted(kev, KevEntry::cveId, IndexValues::encodeKev, writer);
            writer.finish();
            return count;
        }
    }

    private static int writeEpss(Path file, AdvisoryDatabase base, List<EpssScore> epss) throws IOException {
        try (SortedTableWriter writer = new SortedTableWriter(file, StoreFormat.Kind.EPSS_TABLE)) {
            int count = epss == null
                    ? copyTable(base == null ? null : base.epssTable(), writer)
                    : writeSorted(epss, EpssScore::cveId, IndexValues::encodeEpss, writer);
            writer.finish();
            return count;
        }
    }

    private static int copyTable(SortedTable table, SortedTableWriter writer) throws IOException {
        if (table == null) {
            return 0;
        }
        for (int i = 0; i < table.size(); i++) {
            writer.add(table.key(i), table.value(i));
        }
        return table.size();
    }

    private static <T> int writeSorted(
            List<T> values,
            java.util.function.Function<T, String> id,
            java.util.function.Function<T, byte[]> encode,
            SortedTableWriter writer)
            throws IOException {
        record Keyed<T>(byte[] key, T value) {}
        List<Keyed<T>> keyed = new ArrayList<>(values.size());
        for (T value : values) {
            keyed.add(new Keyed<>(IndexValues.cveKey(id.apply(value)), value));
        }
        keyed.sort(Comparator.comparing(Keyed::key, Arrays::compareUnsigned));
        byte[] previous = null;
        int count = 0;
        for (Keyed<T> entry : keyed) {
            if (previous != null && Arrays.equals(previous, entry.key())) {
                continue;
            }
            writer.add(entry.key(), encode.apply(entry.value()));
            previous = entry.key();
            count++;
        }
        return count;
    }

    private record KeyOffset(byte[] key, long offset) {}

    /** Old record offset to new, for the records that survive; sorted once, then binary-searched. */
    private static final class OffsetMap {
        private long[] from;
        private long[] to;
        private int size;

        OffsetMap(int expected) {
            from = new long[Math.max(16, expected)];
            to = new long[from.length];
        }

        void put(long oldOffset, long newOffset) {
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            from[size] = oldOffset;
            to[size] = newOffset;
            size++;
        }

        /** Sorts by old offset, unless (as for any store this writer made) it already is. */
        void seal() {
            for (int i = 1; i < size; i++) {
                if (from[i - 1] > from[i]) {
                    Integer[] order = new Integer[size];
                    for (int j = 0; j < size; j++) {
                        order[j] = j;
                    }
                    Arrays.sort(order, Comparator.comparingLong(j -> from[j]));
                    long[] sortedFrom = new long[size];
                    long[] sortedTo = new long[size];
                    for (int j = 0; j < size; j++) {
                        sortedFrom[j] = from[order[j]];
                        sortedTo[j] = to[order[j]];
                    }
                    from = sortedFrom;
                    to = sortedTo;
                    return;
                }
            }
        }

        long get(long oldOffset) {
            int index = Arrays.binarySearch(from, 0, size, oldOffset);
            return index < 0 ? -1 : to[index];
        }
    }
}
