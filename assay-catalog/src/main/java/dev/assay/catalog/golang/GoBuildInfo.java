package dev.assay.catalog.golang;

import dev.assay.model.UnableToParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The build info the Go linker embeds in every binary since Go 1.13: the Go version and the module info
 * text ({@code go version -m} prints the same). It starts with a 16-byte aligned 32-byte header, {@code \xff
 * Go buildinf:}, a pointer size and flags. Since Go 1.18 the two strings follow inline as varint-prefixed
 * bytes; before, the header holds pointers to Go string headers elsewhere in the data segment.
 *
 * @param modInfo the module info text without its 16-byte sentinels; empty for binaries built outside module
 *     mode
 */
record GoBuildInfo(String goVersion, String modInfo) {
    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER_SIZE = 32;
    private static final int ALIGNMENT = 16;
    private static final int FLAG_BIG_ENDIAN = 0x1;
    private static final int FLAG_INLINE_STRINGS = 0x2;

    /** The linker places build info at the start of its section; searching further only costs time. */
    private static final long MAX_SEARCH_BYTES = 1024 * 1024;

    private static final int SEARCH_CHUNK = 64 * 1024;

    /** Real module info is a few kilobytes; anything claiming more than this is corrupt or hostile. */
    static final int MAX_STRING_BYTES = 1024 * 1024;

    /**
     * The build info of an executable, empty when it has none (not a Go binary). Throws {@link
     * UnableToParseException} when the magic is there but what follows does not add up.
     */
    static Optional<GoBuildInfo> read(PositionedReader file, ExecutableLayout layout, String name) throws IOException {
        Optional<Long> header = findHeader(file, layout.dataRegion());
        if (header.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = file.read(header.get(), HEADER_SIZE);
        if (bytes.length < HEADER_SIZE) {
            throw new UnableToParseException(name + ": Go build info header is truncated", name);
        }
        int pointerSize = bytes[14];
        int flags = bytes[15];
        if ((flags & FLAG_INLINE_STRINGS) != 0) {
            long position = header.get() + HEADER_SIZE;
            Decoded version = inlineString(file, position, name);
            Decoded modInfo = inlineString(file, version.next(), name);
            return Optional.of(
                    new GoBuildInfo(validVersion(utf8(version.bytes()), name), stripSentinels(modInfo.bytes())));
        }
        if (pointerSize != 4 && pointerSize != 8) {
            throw new UnableToParseException(name + ": Go build info has pointer size " + pointerSize, name);
        }
        ByteOrder order = (flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer pointers = ByteBuffer.wrap(bytes).order(order);
        long versionAddress = pointer(pointers, 16, pointerSize);
        long modInfoAddress = pointer(pointers, 16 + pointerSize, pointerSize);
        byte[] version = stringAt(file, layout, versionAddress, pointerSize, order, name);
        byte[] modInfo = stringAt(file, layout, modInfoAddress, pointerSize, order, name);
        return Optional.of(new GoBuildInfo(validVersion(utf8(version), name), stripSentinels(modInfo)));
    }

    private static Optional<Long> findHeader(PositionedReader file, ExecutableLayout.Region region) throws IOException {
        long limit = Math.min(region.size(), MAX_SEARCH_BYTES);
        // Chunks overlap by the magic's length so a header straddling two chunks is still seen.
        for (long start = 0; start < limit; start += SEARCH_CHUNK) {
            int length = (int) Math.min(SEARCH_CHUNK + MAGIC.length, limit - start);
            byte[] chunk = file.read(region.offset() + start, length);
            for (int at = 0; at + MAGIC.length <= chunk.length; at += ALIGNMENT) {
                if (Arrays.equals(chunk, at, at + MAGIC.length, MAGIC, 0, MAGIC.length)) {
                    return Optional.of(region.offset() + start + at);
                }
            }
        }
        return Optional.empty();
    }

    private record Decoded(byte[] bytes, long next) {}

    private static Decoded inlineString(PositionedReader file, long position, String name) throws IOException {
        byte[] prefix = file.read(position, 10);
        long length = 0;
        int shift = 0;
        int index = 0;
        while (true) {
            if (index >= prefix.length || shift > 63) {
                throw new UnableToParseException(name + ": Go build info string length is truncated", name);
            }
            int current = prefix[index++] & 0xff;
            length |= (long) (current & 0x7f) << shift;
            if ((current & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new UnableToParseException(
                    name + ": Go build info claims a string of " + Long.toUnsignedString(length) + " bytes", name);
        }
        byte[] text = file.read(position + index, (int) length);
        if (text.length != length) {
            throw new UnableToParseException(name + ": Go build info string runs past the end of the file", name);
        }
        return new Decoded(text, position + index + length);
    }

    private static byte[] stringAt(
            PositionedReader file, ExecutableLayout layout, long address, int pointerSize, ByteOrder order, String name)
            throws IOException {
        long headerOffset = layout.fileOffset(address)
                .orElseThrow(() -> new UnableToParseException(name + ": Go build info points outside the file", name));
        ByteBuffer stringHeader =
                ByteBuffer.wrap(file.read(headerOffset, 2 * pointerSize)).order(order);
        if (stringHeader.limit() < 2 * pointerSize) {
            throw new UnableToParseException(name + ": Go build info string header is truncated", name);
        }
        long dataAddress = pointer(stringHeader, 0, pointerSize);
        long length = pointer(stringHeader, pointerSize, pointerSize);
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new UnableToParseException(
                    name + ": Go build info claims a string of " + Long.toUnsignedString(length) + " bytes", name);
        }
        if (length == 0) {
            return new byte[0];
        }
        long dataOffset = layout.fileOffset(dataAddress)
                .orElseThrow(() -> new UnableToParseException(name + ": Go build info points outside the file", name));
        byte[] text = file.read(dataOffset, (int) length);
        if (text.length != length) {
            throw new UnableToParseException(name + ": Go build info string runs past the end of the file", name);
        }
        return text;
    }

    private static long pointer(ByteBuffer buffer, int offset, int pointerSize) {
        return pointerSize == 8 ? buffer.getLong(offset) : Integer.toUnsignedLong(buffer.getInt(offset));
    }

    private static String validVersion(String version, String name) {
        if (!version.matches("(go|devel )[0-9A-Za-z.+ :_-]{1,100}")) {
            throw new UnableToParseException(
                    name + ": Go build info has no Go version (" + GoModFile.printable(version) + ")", name);
        }
        return version;
    }

    /** Module info is framed by 16 bytes of sentinel on each side, whose last/first byte is a newline. */
    private static String stripSentinels(byte[] modInfo) {
        if (modInfo.length >= 33 && modInfo[modInfo.length - 17] == '\n') {
            return new String(modInfo, 16, modInfo.length - 32, StandardCharsets.UTF_8);
        }
        return utf8(modInfo);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
