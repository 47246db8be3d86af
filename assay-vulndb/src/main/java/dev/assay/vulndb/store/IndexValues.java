package dev.assay.vulndb.store;

import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import dev.assay.vulndb.PackageNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The keys and values of the store's tables. */
final class IndexValues {
    private IndexValues() {}

    /**
     * {@code <ecosystem base> NUL <normalized name>}: both sides of a lookup go through
     * {@link PackageNames}, so {@code Django} finds {@code django} and {@code zope.interface} finds
     * {@code zope-interface}.
     */
    static byte[] packageKey(String ecosystem, String name) {
        return (PackageNames.ecosystemBase(ecosystem) + '\0' + PackageNames.normalize(ecosystem, name))
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] idKey(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** CVE ids are looked up case-insensitively: {@code cve-2021-44228} is CISA's {@code CVE-2021-44228}. */
    static byte[] cveKey(String cveId) {
        return cveId.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    /** Record offsets, ascending, delta-coded. */
    static byte[] encodeOffsets(long[] offsets, int count) {
        ByteArrayEncoder out = new ByteArrayEncoder(2 + count * 3);
        out.writeVarInt(count);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            out.writeVarLong(offsets[i] - previous);
            previous = offsets[i];
        }
        return out.toByteArray();
    }

    static long[] decodeOffsets(byte[] value) {
        ByteArrayDecoder in = new ByteArrayDecoder(value);
        int count = in.readCount(1);
        long[] offsets = new long[count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            previous += in.readVarLong();
            offsets[i] = previous;
        }
        return offsets;
    }

    /**
     * What the id index knows of a record without decoding it: where it is, its {@code modified} (for
     * incremental imports) and its ecosystems (for the counts in the manifest).
     */
    record IdEntry(long offset, Instant modified, List<String> ecosystems) {
        byte[] encode() {
            ByteArrayEncoder out = new ByteArrayEncoder(32);
            out.writeVarLong(offset);
            if (modified == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.writeSignedVarLong(modified.getEpochSecond());
                out.writeVarInt(modified.getNano());
            }
            out.writeVarInt(ecosystems.size());
            for (String ecosystem : ecosystems) {
                out.writeString(ecosystem);
            }
            return out.toByteArray();
        }

        static IdEntry decode(byte[] value) {
            ByteArrayDecoder in = new ByteArrayDecoder(value);
            long offset = in.readVarLong();
            Instant modified = null;
            if (in.readByte() == 1) {
                modified = Instant.ofEpochSecond(in.readSignedVarLong(), in.readVarInt());
            }
            int count = in.readCount(1);
            List<String> ecosystems = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ecosystems.add(in.readString());
            }
            return new IdEntry(offset, modified, ecosystems);
        }

        IdEntry withOffset(long newOffset) {
            return new IdEntry(newOffset, modified, ecosystems);
        }
    }

    private static final long NO_DATE = Long.MIN_VALUE;

    static byte[] encodeKev(KevEntry entry) {
        ByteArrayEncoder out = new ByteArrayEncoder(64);
        out.writeString(entry.vendorProject());
        out.writeString(entry.product());
        out.writeLong(entry.dateAdded() == null ? NO_DATE : entry.dateAdded().toEpochDay());
        out.writeLong(entry.dueDate() == null ? NO_DATE : entry.dueDate().toEpochDay());
        out.writeByte(entry.knownRansomwareUse() ? 1 : 0);
        return out.toByteArray();
    }

    static KevEntry decodeKev(byte[] key, byte[] value) {
        ByteArrayDecoder in = new ByteArrayDecoder(value);
        String vendor = in.readString();
        String product = in.readString();
        long added = in.readLong();
        long due = in.readLong();
        boolean ransomware = in.readByte() == 1;
        return new KevEntry(
                new String(key, StandardCharsets.UTF_8),
                vendor,
                product,
                added == NO_DATE ? null : LocalDate.ofEpochDay(added),
                due == NO_DATE ? null : LocalDate.ofEpochDay(due),
                ransomware);
    }

    static byte[] encodeEpss(EpssScore score) {
        ByteArrayEncoder out = new ByteArrayEncoder(16);
        out.writeDouble(score.probability());
        out.writeDouble(score.percentile());
        return out.toByteArray();
    }

    static EpssScore decodeEpss(byte[] key, byte[] value) {
        ByteArrayDecoder in = new ByteArrayDecoder(value);
        return new EpssScore(new String(key, StandardCharsets.UTF_8), in.readDouble(), in.readDouble());
    }

    /** Unsigned lexicographic order of UTF-8 bytes, the order of every table. */
    static int compare(byte[] left, byte[] right) {
        return Arrays.compareUnsigned(left, right);
    }
}
