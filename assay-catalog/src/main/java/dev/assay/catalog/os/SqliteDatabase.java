package dev.assay.catalog.os;

import dev.assay.model.UnableToParseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A read-only reader of the SQLite file format, just enough to walk a table's b-tree and decode its
 * records: the rpm database keeps each package header as a blob in one table.
 *
 * <p>Why not sqlite-jdbc: it runs SQLite's C code, unpacked into a temp directory, on a file that comes
 * from an untrusted image, and SQLite has had memory-safety bugs reachable from crafted database files. This
 * reader is plain Java over a bounded byte array: every offset, length and page number is checked, a page is
 * visited at most once (a cyclic b-tree or overflow chain ends instead of looping), and a corrupt page costs
 * the rows below it, reported, never the rows elsewhere. syft and trivy also read rpmdb.sqlite without the C
 * library. Not supported: a write-ahead log that was not checkpointed (the caller checks for one).
 */
final class SqliteDatabase {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;
    private static final int LEAF_TABLE = 0x0D;
    private static final int INTERIOR_TABLE = 0x05;

    private final byte[] data;
    private final String name;
    private final int pageSize;
    private final int usableSize;
    private final int pageCount;
    private final Charset textEncoding;

    private SqliteDatabase(byte[] data, String name, int pageSize, int usableSize, Charset textEncoding) {
        this.data = data;
        this.name = name;
        this.pageSize = pageSize;
        this.usableSize = usableSize;
        this.pageCount = data.length / pageSize;
        this.textEncoding = textEncoding;
    }

    /** A row of a table: its rowid and its column values (null, Long, Double, String or byte[]). */
    record Row(long rowid, List<Object> values) {}

    static SqliteDatabase open(byte[] data, String name) {
        if (data.length < HEADER_BYTES || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new UnableToParseException(name + " is not an SQLite 3 database", name);
        }
        int rawPageSize = unsigned16(data, 16);
        int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new UnableToParseException(name + " has an invalid SQLite page size " + rawPageSize, name);
        }
        int usableSize = pageSize - (data[20] & 0xFF);
        if (usableSize < 480) {
            throw new UnableToParseException(name + " has an invalid SQLite reserved-space size", name);
        }
        if (data.length < pageSize) {
            throw new UnableToParseException(name + " is truncated: shorter than one SQLite page", name);
        }
        long encoding = unsigned32(data, 56);
        Charset charset = switch ((int) encoding) {
            case 0, 1 -> StandardCharsets.UTF_8;
            case 2 -> StandardCharsets.UTF_16LE;
            case 3 -> StandardCharsets.UTF_16BE;
            default ->
                throw new UnableToParseException(name + " has an invalid SQLite text encoding " + encoding, name);
        };
        return new SqliteDatabase(data, name, pageSize, usableSize, charset);
    }

    /** The root page of a table, from the schema table on page 1; names compare case-insensitively, as in SQL. */
    Optional<Integer> tableRootPage(String table, Consumer<String> problems) {
        List<Integer> found = new ArrayList<>();
        forEachRow(
                1,
                row -> {
                    List<Object> values = row.values();
                    if (values.size() >= 4
                            && "table".equals(values.get(0))
                            && values.get(1) instanceof String tableName
                            && tableName.equalsIgnoreCase(table)
                            && values.get(3) instanceof Long rootPage
                            && rootPage >= 1
                            && rootPage <= pageCount) {
                        found.add(rootPage.intValue());
                    }
                },
                problems);
        return found.stream().findFirst();
    }

    /**
     * Visits every row of the table b-tree rooted at {@code rootPage}, in rowid order. A page that is out of
     * range, already visited or malformed is reported to {@code problems} and its subtree skipped.
     */
    void forEachRow(int rootPage, Consumer<Row> visitor, Consumer<String> problems) {
        BitSet visited = new BitSet(pageCount + 1);
        Deque<Integer> pending = new ArrayDeque<>();
        pending.push(rootPage);
        while (!pending.isEmpty()) {
            int page = pending.pop();
            if (page < 1 || page > pageCount) {
                problems.accept(
                        "page " + page + " is outside the file (" + pageCount + " pages): truncated or corrupt");
                continue;
            }
            if (visited.get(page)) {
                problems.accept("page " + page + " is referenced twice: corrupt b-tree");
                continue;
            }
            visited.set(page);
            try {
                readTablePage(page, pending, visited, visitor, problems);
            } catch (CorruptPageException e) {
                problems.accept("page " + page + ": " + e.getMessage());
            }
        }
    }

    private void readTablePage(
            int page, Deque<Integer> pending, BitSet visited, Consumer<Row> visitor, Consumer<String> problems) {
        int pageStart = (page - 1) * pageSize;
        int header = pageStart + (page == 1 ? HEADER_BYTES : 0);
        int pageEnd = pageStart + usableSize;
        int type = byteAt(header, pageEnd);
        boolean interior;
        if (type == INTERIOR_TABLE) {
            interior = true;
        } else if (type == LEAF_TABLE) {
            interior = false;
        } else {
            throw new CorruptPageException("not a table b-tree page (type " + type + ")");
        }
        int cellCount = unsigned16Checked(header + 3, pageEnd);
        int pointers = header + (interior ? 12 : 8);
        if (pointers + 2L * cellCount > pageEnd) {
            throw new CorruptPageException(cellCount + " cells do not fit in the page");
        }
        if (interior) {
            // Children are pushed right to left so that they are visited left to right (rowid order).
            pending.push((int) unsigned32Checked(header + 8, pageEnd));
            for (int cell = cellCount - 1; cell >= 0; cell--) {
                int offset = pageStart + unsigned16Checked(pointers + 2 * cell, pageEnd);
                pending.push((int) Math.min(Integer.MAX_VALUE, unsigned32Checked(offset, pageEnd)));
            }
            return;
        }
        for (int cell = 0; cell < cellCount; cell++) {
            int offset = pageStart + unsigned16Checked(pointers + 2 * cell, pageEnd);
            try {
                visitor.accept(readLeafCell(offset, pageEnd, visited));
            } catch (CorruptPageException e) {
                problems.accept("page " + page + " cell " + cell + ": " + e.getMessage());
            }
        }
    }

    private Row readLeafCell(int offset, int pageEnd, BitSet visited) {
        long[] varint = new long[1];
        int position = offset;
        position += readVarint(position, pageEnd, varint);
        long payloadSize = varint[0];
        position += readVarint(position, pageEnd, varint);
        long rowid = varint[0];
        if (payloadSize < 0 || payloadSize > data.length) {
            throw new CorruptPageException("payload size " + payloadSize + " exceeds the file");
        }
        int total = (int) payloadSize;
        int maxLocal = usableSize - 35;
        int local;
        if (total <= maxLocal) {
            local = total;
        } else {
            int minLocal = ((usableSize - 12) * 32 / 255) - 23;
            int candidate = minLocal + ((total - minLocal) % (usableSize - 4));
            local = candidate <= maxLocal ? candidate : minLocal;
        }
        if (position + (long) local > pageEnd) {
            throw new CorruptPageException("cell payload runs past the page");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream(local);
        payload.write(data, position, local);
        if (local < total) {
            readOverflow(unsigned32Checked(position + local, pageEnd), payload, total, visited);
        }
        return new Row(rowid, decodeRecord(payload.toByteArray()));
    }

    /**
     * Follows an overflow chain. The payload grows with the pages actually read, not with the size the cell
     * claims, and every page serves one purpose in the whole walk: a hostile file cannot make many cells
     * share one long chain to multiply the work.
     */
    private void readOverflow(long firstPage, ByteArrayOutputStream payload, int total, BitSet visited) {
        long page = firstPage;
        while (payload.size() < total) {
            if (page < 1 || page > pageCount) {
                throw new CorruptPageException("overflow page " + page + " is outside the file");
            }
            if (visited.get((int) page)) {
                throw new CorruptPageException("overflow page " + page + " is used twice");
            }
            visited.set((int) page);
            int start = (int) ((page - 1) * pageSize);
            int chunk = Math.min(total - payload.size(), usableSize - 4);
            payload.write(data, start + 4, chunk);
            page = unsigned32(data, start);
        }
    }

    /** Decodes the SQLite record format: a header of serial types, then the values they describe. */
    private List<Object> decodeRecord(byte[] payload) {
        long[] varint = new long[1];
        int headerLength = readVarint(payload, 0, payload.length, varint);
        long headerSize = varint[0];
        if (headerSize < headerLength || headerSize > payload.length) {
            throw new CorruptPageException("record header size " + headerSize + " is invalid");
        }
        List<Object> values = new ArrayList<>();
        int typePosition = headerLength;
        int valuePosition = (int) headerSize;
        while (typePosition < headerSize) {
            typePosition += readVarint(payload, typePosition, (int) headerSize, varint);
            long serialType = varint[0];
            int length = valueLength(serialType);
            if (valuePosition + (long) length > payload.length) {
                throw new CorruptPageException("record value runs past the payload");
            }
            values.add(value(serialType, payload, valuePosition, length));
            valuePosition += length;
        }
        return values;
    }

    private static int valueLength(long serialType) {
        if (serialType >= 12) {
            long length = (serialType - (serialType % 2 == 0 ? 12 : 13)) / 2;
            if (length > Integer.MAX_VALUE) {
                throw new CorruptPageException("record value length " + length + " is invalid");
            }
            return (int) length;
        }
        return switch ((int) serialType) {
            case 0, 8, 9 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> throw new CorruptPageException("reserved serial type " + serialType);
        };
    }

    private Object value(long serialType, byte[] payload, int position, int length) {
        if (serialType >= 12) {
            return serialType % 2 == 0
                    ? Arrays.copyOfRange(payload, position, position + length)
                    : new String(payload, position, length, textEncoding);
        }
        return switch ((int) serialType) {
            case 0 -> null;
            case 8 -> 0L;
            case 9 -> 1L;
            case 7 -> Double.longBitsToDouble(bigEndian(payload, position, 8));
            default -> {
                long value = bigEndian(payload, position, length);
                int unusedBits = 64 - 8 * length;
                yield (value << unusedBits) >> unusedBits; // sign-extend
            }
        };
    }

    private int readVarint(int position, int limit, long[] result) {
        return readVarint(data, position, limit, result);
    }

    /** SQLite's varint: 1 to 9 bytes, 7 bits each with a continuation bit, the ninth byte contributing 8. */
    private static int readVarint(byte[] bytes, int position, int limit, long[] result) {
        long value = 0;
        for (int index = 0; index < 9; index++) {
            if (position + index >= limit || position + index >= bytes.length) {
                throw new CorruptPageException("varint runs past its bounds");
            }
            int current = bytes[position + index] & 0xFF;
            if (index == 8) {
                result[0] = (value << 8) | current;
                return 9;
            }
            value = (value << 7) | (current & 0x7F);
            if ((current & 0x80) == 0) {
                result[0] = value;
                return index + 1;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private int byteAt(int position, int limit) {
        if (position < 0 || position >= limit) {
            throw new CorruptPageException("offset " + position + " is outside the page");
        }
        return data[position] & 0xFF;
    }

    private int unsigned16Checked(int position, int limit) {
        if (position < 0 || position + 2 > limit) {
            throw new CorruptPageException("offset " + position + " is outside the page");
        }
        return unsigned16(data, position);
    }

    private long unsigned32Checked(int position, int limit) {
        if (position < 0 || position + 4 > limit) {
            throw new CorruptPageException("offset " + position + " is outside the page");
        }
        return unsigned32(data, position);
    }

    private static int unsigned16(byte[] bytes, int position) {
        return ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
    }

    private static long unsigned32(byte[] bytes, int position) {
        return bigEndian(bytes, position, 4);
    }

    private static long bigEndian(byte[] bytes, int position, int length) {
        long value = 0;
        for (int index = 0; index < length; index++) {
            value = (value << 8) | (bytes[position + index] & 0xFF);
        }
        return value;
    }

    String name() {
        return name;
    }

    /** A malformed page or cell; caught per page or per cell so that the rest of the table is still read. */
    private static final class CorruptPageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptPageException(String message) {
            super(message, null, false, false);
        }
    }
}
