package dev.assay.catalog.os;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An rpm package header as the rpm database stores it: a big-endian index count and data length, that many
 * 16-byte index entries (tag, type, offset, count), then the data store the entries point into. Every entry
 * is bounds-checked when it is read, so a header with an offset or count outside its data store fails with
 * {@link MalformedHeaderException} naming the tag, never with an out-of-bounds read or a huge allocation.
 */
final class RpmHeader {
    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int VENDOR = 1011;
    static final int LICENSE = 1014;
    static final int ARCH = 1022;
    static final int SOURCERPM = 1044;
    static final int PROVIDENAME = 1047;
    static final int REQUIRENAME = 1049;
    static final int DIRINDEXES = 1116;
    static final int BASENAMES = 1117;
    static final int DIRNAMES = 1118;
    static final int MODULARITYLABEL = 5096;

    // rpm's own limits (HEADER_TAGS_MAX, HEADER_DATA_MAX); a blob claiming more is corrupt.
    private static final int MAX_TAGS = 0xFFFF;
    private static final int MAX_DATA = 256 * 1024 * 1024;
    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18NSTRING = 9;

    private final byte[] blob;
    private final int dataStart;
    private final int dataLength;
    private final Map<Integer, Entry> entries;

    private RpmHeader(byte[] blob, int dataStart, int dataLength, Map<Integer, Entry> entries) {
        this.blob = blob;
        this.dataStart = dataStart;
        this.dataLength = dataLength;
        this.entries = entries;
    }

    private record Entry(int tag, int type, int offset, int count) {}

    /** A header that does not follow the format; the message says what is wrong. */
    static final class MalformedHeaderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedHeaderException(String message) {
            super(message, null, false, false);
        }
    }

    static RpmHeader parse(byte[] blob) {
        if (blob.length < 8) {
            throw new MalformedHeaderException("header blob of " + blob.length + " bytes is truncated");
        }
        long indexCount = int32(blob, 0) & 0xFFFFFFFFL;
        long dataLength = int32(blob, 4) & 0xFFFFFFFFL;
        if (indexCount < 1 || indexCount > MAX_TAGS || dataLength > MAX_DATA) {
            throw new MalformedHeaderException(
                    "header claims " + indexCount + " index entries and " + dataLength + " data bytes");
        }
        long dataStart = 8 + indexCount * 16;
        if (dataStart + dataLength > blob.length) {
            throw new MalformedHeaderException("header of " + blob.length + " bytes is shorter than its index ("
                    + indexCount + " entries) and data (" + dataLength + " bytes) claim");
        }
        Map<Integer, Entry> entries = new HashMap<>();
        for (int index = 0; index < indexCount; index++) {
            int position = 8 + index * 16;
            Entry entry = new Entry(
                    int32(blob, position),
                    int32(blob, position + 4),
                    int32(blob, position + 8),
                    int32(blob, position + 12));
            entries.putIfAbsent(entry.tag(), entry);
        }
        return new RpmHeader(blob, (int) dataStart, (int) dataLength, entries);
    }

    /** A STRING (or the first of a STRING_ARRAY / I18NSTRING) tag. */
    Optional<String> string(int tag) {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return Optional.empty();
        }
        requireStringType(entry);
        return Optional.of(strings(entry, 1).getFirst());
    }

    /** A STRING_ARRAY tag (a STRING tag is an array of one); empty when absent. */
    List<String> strings(int tag) {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return List.of();
        }
        requireStringType(entry);
        return strings(entry, entry.type() == TYPE_STRING ? 1 : entry.count());
    }

    /** The first value of an INT32 tag. */
    OptionalLong int32(int tag) {
        int[] values = int32s(tag);
        return values.length == 0 ? OptionalLong.empty() : OptionalLong.of(values[0]);
    }

    /** An INT32 array tag; empty when absent. */
    int[] int32s(int tag) {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return new int[0];
        }
        if (entry.type() != TYPE_INT32) {
            throw new MalformedHeaderException("tag " + tag + " has type " + entry.type() + ", expected INT32");
        }
        checkOffset(entry);
        if (entry.count() < 1 || entry.offset() + 4L * entry.count() > dataLength) {
            throw new MalformedHeaderException("tag " + tag + ": " + entry.count() + " INT32 values at offset "
                    + entry.offset() + " run past the data (" + dataLength + " bytes)");
        }
        int[] values = new int[entry.count()];
        for (int index = 0; index < values.length; index++) {
            values[index] = int32(blob, dataStart + entry.offset() + 4 * index);
        }
        return values;
    }

    private void requireStringType(Entry entry) {
        if (entry.type() != TYPE_STRING && entry.type() != TYPE_STRING_ARRAY && entry.type() != TYPE_I18NSTRING) {
            throw new MalformedHeaderException(
                    "tag " + entry.tag() + " has type " + entry.type() + ", expected a string type");
        }
    }

    private List<String> strings(Entry entry, int count) {
        checkOffset(entry);
        // Each string takes at least its NUL byte, so a count larger than the remaining data is impossible.
        if (count < 1 || count > dataLength - entry.offset()) {
            throw new MalformedHeaderException(
                    "tag " + entry.tag() + " claims " + count + " strings at offset " + entry.offset());
        }
        List<String> values = new ArrayList<>(Math.min(count, 1024));
        int position = dataStart + entry.offset();
        int end = dataStart + dataLength;
        for (int index = 0; index < count; index++) {
            int terminator = position;
            while (terminator < end && blob[terminator] != 0) {
                terminator++;
            }
            if (terminator >= end) {
                throw new MalformedHeaderException("tag " + entry.tag() + ": string " + index + " is not terminated");
            }
            values.add(new String(blob, position, terminator - position, StandardCharsets.UTF_8));
            position = terminator + 1;
        }
        return values;
    }

    private void checkOffset(Entry entry) {
        if (entry.offset() < 0 || entry.offset() >= dataLength) {
            throw new MalformedHeaderException("tag " + entry.tag() + " has offset " + entry.offset()
                    + " outside the data (" + dataLength + " bytes)");
        }
    }

    private static int int32(byte[] bytes, int position) {
        return ((bytes[position] & 0xFF) << 24)
                | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8)
                | (bytes[position + 3] & 0xFF);
    }
}
