package dev.assay.oci;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Indexes the regular files of an uncompressed tar by reading only its headers at computed offsets, so a
 * multi-gigabyte {@code docker save} archive is indexed without reading its layers (commons-compress's
 * stream reader reads skipped content, and its random-access reader keeps every entry object in memory).
 * Understands ustar prefixes, GNU long names and PAX {@code path}/{@code size} records, which is all
 * docker, podman and skopeo write. Every header checksum is verified, so a file that is not a tar is
 * recognised at its first block.
 */
final class TarIndex {
    private static final int BLOCK = 512;
    private static final int MAX_LONG_NAME = 64 * 1024;

    /**
     * Where one regular file's content lies in the tar, or, for a symbolic link, its target.
     *
     * @param linkTarget null for regular files
     */
    record Entry(long offset, long size, String linkTarget) {}

    private TarIndex() {}

    /**
     * Reads headers until the end of the archive, or until {@code stop} accepts a name.
     *
     * @throws InvalidInputException when the file is not a valid tar or is truncated
     */
    static Map<String, Entry> read(Path tar, int maxEntries, Predicate<String> stop) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (FileChannel channel = FileChannel.open(tar, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            long position = 0;
            int count = 0;
            String pendingName = null;
            String pendingLink = null;
            long pendingSize = -1;
            ByteBuffer header = ByteBuffer.allocate(BLOCK);
            while (true) {
                if (position + BLOCK > fileSize) {
                    if (count == 0) {
                        throw notTar(tar, "too short");
                    }
                    // Some writers omit the two zero blocks that end an archive; what was indexed stands.
                    return entries;
                }
                readFully(channel, header, position);
                byte[] block = header.array();
                if (isZero(block)) {
                    return entries;
                }
                if (!checksumMatches(block)) {
                    throw notTar(tar, "bad header checksum at offset " + position);
                }
                if (++count > maxEntries) {
                    throw new InputTooLargeException(tar + " has more than " + maxEntries + " entries", tar.toString());
                }
                char type = (char) block[156];
                long size = parseNumber(block, 124, 12, tar);
                long dataOffset = position + BLOCK;
                long next = dataOffset + roundUp(size);
                if (next > fileSize && type != '0' && type != 0) {
                    throw new InvalidInputException(tar + " is truncated", tar.toString());
                }
                switch (type) {
                    case 'L' -> pendingName = readString(channel, dataOffset, size, tar);
                    case 'x' -> {
                        Map<String, String> pax = parsePax(readString(channel, dataOffset, size, tar));
                        if (pax.containsKey("path")) {
                            pendingName = pax.get("path");
                        }
                        if (pax.containsKey("linkpath")) {
                            pendingLink = pax.get("linkpath");
                        }
                        if (pax.containsKey("size")) {
                            try {
                                pendingSize = Long.parseLong(pax.get("size"));
                            } catch (NumberFormatException e) {
                                throw notTar(tar, "bad PAX size");
                            }
                        }
                    }
                    case 'K' -> pendingLink = readString(channel, dataOffset, size, tar);
                    case 'g' -> {
                        // global PAX headers do not name a file
                    }
                    default -> {
                        String name = pendingName != null ? pendingName : headerName(block);
                        long realSize = pendingSize >= 0 ? pendingSize : size;
                        String link = pendingLink != null ? pendingLink : cString(block, 157, 100);
                        pendingName = null;
                        pendingSize = -1;
                        pendingLink = null;
                        if (type == '0' || type == 0 || type == '7') {
                            next = dataOffset + roundUp(realSize);
                            if (dataOffset + realSize > fileSize) {
                                throw new InvalidInputException(tar + " is truncated inside " + name, tar.toString());
                            }
                            String normalized = TarStoreFiles.normalize(name);
                            entries.put(normalized, new Entry(dataOffset, realSize, null));
                            if (stop.test(normalized)) {
                                return entries;
                            }
                        } else if (type == '2' || type == '1') {
                            // docker save links duplicate layers to their first copy; hard links name archive paths
                            String target = type == '1' ? "/" + TarStoreFiles.normalize(link) : link;
                            entries.put(TarStoreFiles.normalize(name), new Entry(-1, -1, target));
                        }
                    }
                }
                position = next;
            }
        }
    }

    private static long roundUp(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static String readString(FileChannel channel, long offset, long size, Path tar) throws IOException {
        if (size > MAX_LONG_NAME) {
            throw notTar(tar, "extended header of " + size + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        readFully(channel, buffer, offset);
        String value = new String(buffer.array(), StandardCharsets.UTF_8);
        int nul = value.indexOf('\0');
        return nul >= 0 ? value.substring(0, nul) : value;
    }

    private static Map<String, String> parsePax(String records) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            int equals = line.indexOf('=', space + 1);
            if (space > 0 && equals > space) {
                values.put(line.substring(space + 1, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    private static String headerName(byte[] block) {
        String name = cString(block, 0, 100);
        boolean ustar = cString(block, 257, 6).startsWith("ustar");
        String prefix = ustar ? cString(block, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Octal, or GNU base-256 when the high bit of the first byte is set. */
    private static long parseNumber(byte[] block, int offset, int length, Path tar) {
        if ((block[offset] & 0x80) != 0) {
            long value = 0;
            for (int index = offset + 1; index < offset + length; index++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw notTar(tar, "size field overflows");
                }
                value = (value << 8) | (block[index] & 0xff);
            }
            return value;
        }
        long value = 0;
        for (int index = offset; index < offset + length; index++) {
            byte digit = block[index];
            if (digit == 0 || digit == ' ') {
                if (value > 0) {
                    break;
                }
                continue;
            }
            if (digit < '0' || digit > '7') {
                throw notTar(tar, "non-octal number in header");
            }
            value = value * 8 + (digit - '0');
        }
        return value;
    }

    private static boolean checksumMatches(byte[] block) {
        long unsigned = 0;
        for (int index = 0; index < BLOCK; index++) {
            unsigned += index >= 148 && index < 156 ? ' ' : block[index] & 0xff;
        }
        long stored = 0;
        boolean digits = false;
        for (int index = 148; index < 156; index++) {
            byte digit = block[index];
            if (digit >= '0' && digit <= '7') {
                stored = stored * 8 + (digit - '0');
                digits = true;
            } else if (digits) {
                break;
            }
        }
        return digits && stored == unsigned;
    }

    private static boolean isZero(byte[] block) {
        for (byte value : block) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException notTar(Path tar, String why) {
        return new InvalidInputException("not a valid tar archive: " + tar + " (" + why + ")", tar.toString());
    }
}
