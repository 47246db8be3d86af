package dev.assay.catalog.golang;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds minimal 64-bit little-endian ELF files for hostile-input tests: a header, a section name table and
 * one {@code .go.buildinfo} section whose claimed offset and size the test chooses.
 */
final class TinyElf {
    private TinyElf() {}

    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    /** An ELF whose {@code .go.buildinfo} section holds {@code section}, honestly described. */
    static byte[] withBuildInfo(byte[] section) {
        return build(section, null, null, 3);
    }

    /**
     * @param claimedOffset the section offset written in the header, or null for the real one
     * @param claimedSize the section size written in the header, or null for the real one
     * @param sectionCount the section count written in the ELF header (3 is honest)
     */
    static byte[] build(byte[] section, Long claimedOffset, Long claimedSize, int sectionCount) {
        byte[] names = "\0.shstrtab\0.go.buildinfo\0".getBytes(StandardCharsets.ISO_8859_1);
        int namesOffset = 64;
        int sectionOffset = align(namesOffset + names.length, 16);
        int headersOffset = align(sectionOffset + section.length, 8);
        ByteBuffer file = ByteBuffer.allocate(headersOffset + 3 * 64).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        file.position(16);
        file.putShort((short) 2); // ET_EXEC
        file.putShort((short) 62); // x86-64
        file.putInt(1);
        file.putLong(0); // entry
        file.putLong(0); // program headers: none
        file.putLong(headersOffset);
        file.putInt(0);
        file.putShort((short) 64);
        file.putShort((short) 56);
        file.putShort((short) 0);
        file.putShort((short) 64);
        file.putShort((short) sectionCount);
        file.putShort((short) 1); // names section index
        file.put(namesOffset, names);
        file.put(sectionOffset, section);
        sectionHeader(file, headersOffset + 64, 1, 3, namesOffset, names.length);
        sectionHeader(
                file,
                headersOffset + 128,
                11,
                1,
                claimedOffset != null ? claimedOffset : sectionOffset,
                claimedSize != null ? claimedSize : section.length);
        return file.array();
    }

    /** Build info in the Go 1.18+ layout: header, then varint-prefixed version and module info. */
    static byte[] inlineBuildInfo(String version, String modInfo) {
        byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
        byte[] modBytes = ("0123456789abcdef" + modInfo + "\n123456789abcdef").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(32 + 10 + versionBytes.length + 10 + modBytes.length);
        buffer.put(MAGIC);
        buffer.put((byte) 8);
        buffer.put((byte) 2);
        buffer.position(32);
        varint(buffer, versionBytes.length);
        buffer.put(versionBytes);
        varint(buffer, modBytes.length);
        buffer.put(modBytes);
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    static void varint(ByteBuffer buffer, long value) {
        long rest = value;
        while (rest >= 0x80) {
            buffer.put((byte) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        buffer.put((byte) rest);
    }

    private static void sectionHeader(ByteBuffer file, int at, int name, int type, long offset, long size) {
        file.putInt(at, name);
        file.putInt(at + 4, type);
        file.putLong(at + 24, offset);
        file.putLong(at + 32, size);
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
