package dev.assay.catalog.os;

import dev.assay.model.UnableToParseException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * A read-only reader of Berkeley DB's hash access method, just enough to list the key/value pairs of rpm's
 * legacy {@code Packages} database (RHEL/CentOS 7 and 8, Amazon Linux 2, UBI 8). Each value is one rpm
 * header blob; the key is its instance number, and key 0 holds rpm's instance counter rather than a package.
 *
 * <p>Layout (Berkeley DB's {@code db_page.h}): page 0 is the hash metadata page (magic {@code 0x061561}, page
 * size, last page number, the bucket count and masks, and the {@code spares} table that maps a bucket to its
 * page). Every other page starts with a 26-byte header (its own page number, previous and next page numbers,
 * item count, free-area offset, type). A hash page (type 13, or 2 from old releases) holds an array of 16-bit
 * item offsets, keys and values alternating; an item is either inline ({@code H_KEYDATA}: a type byte and
 * the bytes) or a 12-byte reference ({@code H_OFFPAGE}) to a chain of overflow pages (type 7) holding a value
 * too large for the page, which rpm headers usually are. Each bucket's pages are chained through their next
 * page numbers. All integers are in the byte order of the machine that created the file; the magic number
 * tells which.
 *
 * <p>Buckets are walked as rpm's own {@code bdb_ro} backend walks them, rather than every page of the file
 * being scanned for hash pages: what a bucket chain reaches is what the database holds. The input comes from
 * untrusted images, so every page
 * number, item offset and length is checked against the page and the file, and every page is used at most
 * once in the whole walk: a cyclic bucket or overflow chain, or two items sharing one chain, ends with a
 * reported problem instead of looping or multiplying the work. A damaged bucket or item costs that bucket or
 * item, reported, never the rest of the database. Pages with checksums (which rpm never enables) are read, their
 * checksums not verified. Not supported: encrypted databases (rpm never writes them either).
 */
final class BerkeleyDbHashDatabase {
    private static final int HASH_MAGIC = 0x061561;
    private static final int BTREE_MAGIC = 0x053162;
    private static final int META_BYTES = 512;
    private static final int PAGE_HEADER_BYTES = 26;
    // With page checksums (metadata flag 1) a 4-byte checksum, aligned, follows the header on every page.
    private static final int CHECKSUMMED_PAGE_HEADER_BYTES = 32;
    private static final int META_FLAG_CHECKSUM = 0x01;
    private static final int TYPE_HASH_UNSORTED = 2;
    private static final int TYPE_OVERFLOW = 7;
    private static final int TYPE_HASH_META = 8;
    private static final int TYPE_HASH = 13;
    private static final int ITEM_KEYDATA = 1;
    private static final int ITEM_DUPLICATE = 2;
    private static final int ITEM_OFFPAGE = 3;
    private static final int ITEM_OFFDUP = 4;
    private static final int OFFPAGE_ITEM_BYTES = 12;

    private final byte[] data;
    private final String name;
    private final boolean bigEndian;
    private final int pageSize;
    private final int headerBytes;
    private final int pageCount;
    private final long maxBucket;
    private final long[] spares;

    private BerkeleyDbHashDatabase(
            byte[] data,
            String name,
            boolean bigEndian,
            int pageSize,
            int headerBytes,
            int pageCount,
            long maxBucket,
            long[] spares) {
        this.data = data;
        this.name = name;
        this.bigEndian = bigEndian;
        this.pageSize = pageSize;
        this.headerBytes = headerBytes;
        this.pageCount = pageCount;
        this.maxBucket = maxBucket;
        this.spares = spares;
    }

    /**
     * Reads and checks the metadata page. A file that is not a Berkeley DB hash database, or whose metadata
     * cannot be right (page size, bucket count, version), is rejected as a whole: nothing in it can be located.
     * A file shorter than its last page number claims is accepted and reported page by page, so that the
     * packages before the cut are kept.
     */
    static BerkeleyDbHashDatabase open(byte[] data, String name, Consumer<String> problems) {
        if (data.length < META_BYTES) {
            throw new UnableToParseException(
                    name + " is truncated: shorter than a Berkeley DB metadata page (" + data.length + " bytes)", name);
        }
        long littleEndianMagic = littleEndian32(data, 12);
        boolean bigEndian;
        if (littleEndianMagic == HASH_MAGIC) {
            bigEndian = false;
        } else if (Integer.reverseBytes((int) littleEndianMagic) == HASH_MAGIC) {
            bigEndian = true;
        } else if (littleEndianMagic == BTREE_MAGIC || Integer.reverseBytes((int) littleEndianMagic) == BTREE_MAGIC) {
            throw new UnableToParseException(
                    name + " is a Berkeley DB btree, not the hash database rpm keeps its packages in", name);
        } else {
            throw new UnableToParseException(name + " is not a Berkeley DB hash database", name);
        }
        long version = unsigned32(data, 16, bigEndian);
        long rawPageSize = unsigned32(data, 20, bigEndian);
        int encryption = data[24] & 0xFF;
        int type = data[25] & 0xFF;
        long lastPage = unsigned32(data, 32, bigEndian);
        long maxBucket = unsigned32(data, 72, bigEndian);
        // Hash versions 8 to 10 (Berkeley DB 4.x to 6.x) share this layout; rpm's bdb_ro accepts the same.
        if (version < 8 || version > 10) {
            throw new UnableToParseException(name + " has unsupported Berkeley DB hash version " + version, name);
        }
        if (rawPageSize < 512 || rawPageSize > 65536 || Long.bitCount(rawPageSize) != 1) {
            throw new UnableToParseException(name + " has an invalid Berkeley DB page size " + rawPageSize, name);
        }
        if (type != TYPE_HASH_META) {
            throw new UnableToParseException(name + " has a metadata page of type " + type + ", expected 8", name);
        }
        if (encryption != 0) {
            throw new UnableToParseException(name + " is an encrypted Berkeley DB database", name);
        }
        int pageSize = (int) rawPageSize;
        long pagesInFile = data.length / pageSize;
        if (lastPage + 1 > pagesInFile) {
            problems.accept("the file is truncated: it holds " + pagesInFile + " pages of " + pageSize
                    + " bytes but its metadata names page " + lastPage + " as the last");
        }
        int pageCount = (int) Math.min(lastPage + 1, pagesInFile);
        // Every bucket owns at least one page besides the metadata page, so a larger count is corrupt; checking
        // it here also bounds the bucket walk by the file size.
        if (maxBucket + 2 > Math.max(lastPage + 1, 2)) {
            throw new UnableToParseException(
                    name + " claims " + (maxBucket + 1) + " hash buckets in " + (lastPage + 1) + " pages", name);
        }
        if (maxBucket + 2 > pageCount) {
            // The metadata is plausible but the file was cut: bucket b lives on page b + 1 or later.
            problems.accept("hash buckets " + (pageCount - 1) + " to " + maxBucket + " lie beyond the end of the file");
            maxBucket = Math.max(pageCount - 2, 0);
        }
        long[] spares = new long[32];
        for (int index = 0; index < spares.length; index++) {
            spares[index] = unsigned32(data, 96 + 4 * index, bigEndian);
        }
        // rpm never turns checksums on (its own bdb_ro reader cannot read such files); Berkeley DB may.
        int headerBytes = (data[26] & META_FLAG_CHECKSUM) != 0 ? CHECKSUMMED_PAGE_HEADER_BYTES : PAGE_HEADER_BYTES;
        return new BerkeleyDbHashDatabase(data, name, bigEndian, pageSize, headerBytes, pageCount, maxBucket, spares);
    }

    boolean bigEndian() {
        return bigEndian;
    }

    int pageSize() {
        return pageSize;
    }

    /**
     * Visits every value whose key is an rpm header instance number, bucket by bucket, skipping key 0 (rpm's
     * instance counter). Damage is reported to {@code problems} with the page it was found on.
     */
    void forEachHeaderBlob(HeaderBlobVisitor visitor, Consumer<String> problems) {
        BitSet used = new BitSet(pageCount);
        used.set(0);
        for (long bucket = 0; bucket <= maxBucket; bucket++) {
            long page = bucketPage(bucket);
            try {
                while (page != 0) {
                    int current = claim(page, used, "bucket " + bucket);
                    int type = pageType(current);
                    if (type != TYPE_HASH && type != TYPE_HASH_UNSORTED) {
                        throw new CorruptPageException(
                                "page " + current + " of bucket " + bucket + " has type " + type + ", not a hash page");
                    }
                    readHashPage(current, used, visitor, problems);
                    page = unsigned32(pageStart(current) + 16);
                }
            } catch (CorruptPageException e) {
                problems.accept(e.getMessage());
            }
        }
    }

    /** Berkeley DB's {@code BUCKET_TO_PAGE}: the bucket plus the spare pages of its doubling of the table. */
    private long bucketPage(long bucket) {
        int doubling = 64 - Long.numberOfLeadingZeros(bucket);
        return bucket + spares[doubling];
    }

    /** Checks that a page exists, was not used before, and carries its own number; marks it used. */
    private int claim(long page, BitSet used, String owner) {
        if (page < 1 || page >= pageCount) {
            throw new CorruptPageException(
                    owner + " points at page " + page + ", outside the file (" + pageCount + " pages)");
        }
        int number = (int) page;
        if (used.get(number)) {
            throw new CorruptPageException(
                    owner + " reaches page " + number + " a second time: cyclic or shared chain");
        }
        used.set(number);
        long stored = unsigned32(pageStart(number) + 8);
        if (stored != number) {
            throw new CorruptPageException("page " + number + " of " + owner + " carries page number " + stored
                    + ": corrupt or never written");
        }
        return number;
    }

    private void readHashPage(int page, BitSet used, HeaderBlobVisitor visitor, Consumer<String> problems) {
        int start = pageStart(page);
        int entries = unsigned16(start + 20);
        int indexEnd = headerBytes + 2 * entries;
        if (entries % 2 != 0 || indexEnd > pageSize) {
            throw new CorruptPageException("hash page " + page + " claims " + entries + " items");
        }
        for (int pair = 0; pair < entries / 2; pair++) {
            int keyIndex = 2 * pair;
            int keyOffset = unsigned16(start + headerBytes + 2 * keyIndex);
            int valueOffset = unsigned16(start + headerBytes + 2 * keyIndex + 2);
            // Items are packed from the end of the page downwards: an item ends where the previous one starts.
            int keyEnd = keyIndex == 0 ? pageSize : unsigned16(start + headerBytes + 2 * keyIndex - 2);
            String where = "hash page " + page + " item " + pair;
            if (keyOffset < indexEnd
                    || valueOffset < indexEnd
                    || keyOffset >= keyEnd
                    || valueOffset >= keyOffset
                    || keyEnd > pageSize) {
                problems.accept(where + " has inconsistent offsets");
                continue;
            }
            try {
                long instance = instance(start + keyOffset, keyEnd - keyOffset, where);
                if (instance == 0) {
                    continue;
                }
                byte[] value = item(start + valueOffset, keyOffset - valueOffset, used, where);
                visitor.visit(instance, value);
            } catch (CorruptPageException e) {
                problems.accept(e.getMessage());
            }
        }
    }

    /** rpm keys its headers by a 32-bit instance number in the writer's byte order. */
    private long instance(int position, int length, String where) {
        if ((data[position] & 0xFF) != ITEM_KEYDATA || length != 5) {
            throw new CorruptPageException(where + " has a key that is not a 4-byte rpm header instance number");
        }
        return unsigned32(position + 1);
    }

    private byte[] item(int position, int length, BitSet used, String where) {
        int type = data[position] & 0xFF;
        return switch (type) {
            case ITEM_KEYDATA -> Arrays.copyOfRange(data, position + 1, position + length);
            case ITEM_OFFPAGE -> {
                if (length != OFFPAGE_ITEM_BYTES) {
                    throw new CorruptPageException(where + " is an off-page reference of " + length + " bytes");
                }
                yield overflow(unsigned32(position + 4), unsigned32(position + 8), used, where);
            }
            case ITEM_DUPLICATE, ITEM_OFFDUP ->
                throw new CorruptPageException(where + " holds duplicate values, which rpm never writes");
            default -> throw new CorruptPageException(where + " has unknown item type " + type);
        };
    }

    /**
     * Concatenates an overflow chain. The result grows with the pages actually read, never with the length
     * the item claims, so a lying length costs nothing; a chain must deliver exactly that length.
     */
    private byte[] overflow(long firstPage, long totalLength, BitSet used, String where) {
        if (totalLength == 0 || totalLength > data.length) {
            throw new CorruptPageException(where + " claims a value of " + totalLength + " bytes");
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream(Math.min((int) totalLength, 1 << 20));
        long page = firstPage;
        while (value.size() < totalLength) {
            if (page == 0) {
                throw new CorruptPageException(
                        where + ": overflow chain ends after " + value.size() + " of " + totalLength + " bytes");
            }
            int current = claim(page, used, where + "'s overflow chain");
            int start = pageStart(current);
            if (pageType(current) != TYPE_OVERFLOW) {
                throw new CorruptPageException(where + ": page " + current + " in its overflow chain has type "
                        + pageType(current) + ", not an overflow page");
            }
            // On overflow pages the free-area field holds the number of value bytes on the page.
            int bytesOnPage = unsigned16(start + 22);
            if (bytesOnPage == 0 || headerBytes + bytesOnPage > pageSize || bytesOnPage > totalLength - value.size()) {
                throw new CorruptPageException(
                        where + ": overflow page " + current + " claims " + bytesOnPage + " bytes");
            }
            value.write(data, start + headerBytes, bytesOnPage);
            page = unsigned32(start + 16);
        }
        return value.toByteArray();
    }

    private int pageType(int page) {
        return data[pageStart(page) + 25] & 0xFF;
    }

    private int pageStart(int page) {
        return page * pageSize;
    }

    private int unsigned16(int position) {
        int high = data[position] & 0xFF;
        int low = data[position + 1] & 0xFF;
        return bigEndian ? (high << 8) | low : (low << 8) | high;
    }

    private long unsigned32(int position) {
        return unsigned32(data, position, bigEndian);
    }

    private static long unsigned32(byte[] bytes, int position, boolean bigEndian) {
        long value = littleEndian32(bytes, position);
        return bigEndian ? Integer.reverseBytes((int) value) & 0xFFFFFFFFL : value;
    }

    private static long littleEndian32(byte[] bytes, int position) {
        return (bytes[position] & 0xFFL)
                | (bytes[position + 1] & 0xFFL) << 8
                | (bytes[position + 2] & 0xFFL) << 16
                | (bytes[position + 3] & 0xFFL) << 24;
    }

    String name() {
        return name;
    }

    /** Damage confined to one bucket or item; caught there so that the rest of the database is still read. */
    private static final class CorruptPageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptPageException(String message) {
            super(message, null, false, false);
        }
    }
}
