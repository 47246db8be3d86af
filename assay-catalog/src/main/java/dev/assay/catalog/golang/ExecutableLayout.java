package dev.assay.catalog.golang;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an ELF, Mach-O or PE executable keeps its data, read from its headers only: the region in which the
 * Go linker places build info, and the mapping from virtual addresses to file offsets that the pre-Go 1.18
 * build info format needs. Every count and offset comes from an untrusted file, so each is bounded before
 * use; a header that does not add up means "not an executable we can read", never an exception.
 *
 * @param dataRegion where to search for the build info magic (a dedicated section or the first data section)
 * @param segments loaded ranges, for translating addresses
 */
record ExecutableLayout(String format, ByteOrder order, int pointerSize, Region dataRegion, List<Segment> segments) {

    /** A byte range of the file. */
    record Region(long offset, long size) {}

    /** A range of the file mapped at a virtual address. */
    record Segment(long virtualAddress, long fileOffset, long fileSize) {}

    private static final int MAX_SECTIONS = 4096;
    private static final int MAX_LOAD_COMMANDS_BYTES = 4 * 1024 * 1024;
    private static final int MAX_NAME_TABLE_BYTES = 1024 * 1024;
    /** Real header entries are 32 to 64 bytes; a larger claimed size only serves to make us read more. */
    private static final int MAX_ENTRY_BYTES = 256;

    ExecutableLayout {
        segments = List.copyOf(segments);
    }

    /** The file offset of a virtual address, if some segment maps it. */
    Optional<Long> fileOffset(long virtualAddress) {
        for (Segment segment : segments) {
            long delta = virtualAddress - segment.virtualAddress();
            if (virtualAddress >= segment.virtualAddress() && delta >= 0 && delta < segment.fileSize()) {
                return Optional.of(segment.fileOffset() + delta);
            }
        }
        return Optional.empty();
    }

    /** The layout of an ELF, Mach-O (thin) or PE file, or empty when the file is none of them. */
    static Optional<ExecutableLayout> read(PositionedReader file) throws IOException {
        byte[] magic = file.read(0, 4);
        if (magic.length < 4) {
            return Optional.empty();
        }
        if (magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F') {
            return elf(file);
        }
        if (magic[0] == 'M' && magic[1] == 'Z') {
            return pe(file);
        }
        int big = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        int little = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (little == 0xfeedface || little == 0xfeedfacf) {
            return macho(file, ByteOrder.LITTLE_ENDIAN, little == 0xfeedfacf);
        }
        if (big == 0xfeedface || big == 0xfeedfacf) {
            return macho(file, ByteOrder.BIG_ENDIAN, big == 0xfeedfacf);
        }
        return Optional.empty();
    }

    /** Magic bytes that make a file worth reading headers of; four bytes decide. */
    static boolean hasExecutableMagic(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int big = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        return big == 0x7f454c46
                || (head[0] == 'M' && head[1] == 'Z')
                || big == 0xfeedface
                || big == 0xfeedfacf
                || big == 0xcefaedfe
                || big == 0xcffaedfe;
    }

    // ---- ELF ----

    private static Optional<ExecutableLayout> elf(PositionedReader file) throws IOException {
        ByteBuffer header = buffer(file.read(0, 64));
        if (header.limit() < 52) {
            return Optional.empty();
        }
        boolean is64 = header.get(4) == 2;
        if (header.get(4) != 1 && !is64) {
            return Optional.empty();
        }
        ByteOrder order = header.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        header.order(order);
        if (is64 && header.limit() < 64) {
            return Optional.empty();
        }
        long programOffset = is64 ? header.getLong(0x20) : Integer.toUnsignedLong(header.getInt(0x1C));
        long sectionOffset = is64 ? header.getLong(0x28) : Integer.toUnsignedLong(header.getInt(0x20));
        int programEntrySize = Short.toUnsignedInt(header.getShort(is64 ? 0x36 : 0x2A));
        int programCount = Short.toUnsignedInt(header.getShort(is64 ? 0x38 : 0x2C));
        int sectionEntrySize = Short.toUnsignedInt(header.getShort(is64 ? 0x3A : 0x2E));
        int sectionCount = Short.toUnsignedInt(header.getShort(is64 ? 0x3C : 0x30));
        int nameSectionIndex = Short.toUnsignedInt(header.getShort(is64 ? 0x3E : 0x32));

        List<Segment> segments = new ArrayList<>();
        Region firstWritableLoad = null;
        int minimumProgramEntry = is64 ? 56 : 32;
        if (programCount > 0
                && programCount <= MAX_SECTIONS
                && programEntrySize >= minimumProgramEntry
                && programEntrySize <= MAX_ENTRY_BYTES) {
            ByteBuffer table = buffer(file.read(programOffset, programCount * programEntrySize))
                    .order(order);
            for (int index = 0; index < programCount && (index + 1) * programEntrySize <= table.limit(); index++) {
                int base = index * programEntrySize;
                int type = table.getInt(base);
                int flags = is64 ? table.getInt(base + 4) : table.getInt(base + 24);
                long offset = is64 ? table.getLong(base + 8) : Integer.toUnsignedLong(table.getInt(base + 4));
                long address = is64 ? table.getLong(base + 16) : Integer.toUnsignedLong(table.getInt(base + 8));
                long fileSize = is64 ? table.getLong(base + 32) : Integer.toUnsignedLong(table.getInt(base + 16));
                if (type == 1 /* PT_LOAD */ && validRange(file, offset, fileSize)) {
                    segments.add(new Segment(address, offset, fileSize));
                    if (firstWritableLoad == null && (flags & 2 /* PF_W */) != 0) {
                        firstWritableLoad = new Region(offset, fileSize);
                    }
                }
            }
        }

        Region buildInfoSection = null;
        boolean sectionsRead = false;
        boolean goSections = false;
        int minimumSectionEntry = is64 ? 64 : 40;
        if (sectionCount > 0
                && sectionCount <= MAX_SECTIONS
                && sectionEntrySize >= minimumSectionEntry
                && sectionEntrySize <= MAX_ENTRY_BYTES
                && nameSectionIndex < sectionCount) {
            ByteBuffer table = buffer(file.read(sectionOffset, sectionCount * sectionEntrySize))
                    .order(order);
            if (table.limit() == sectionCount * sectionEntrySize) {
                Region names = elfSection(table, nameSectionIndex * sectionEntrySize, is64);
                byte[] nameTable = validRange(file, names.offset(), names.size())
                        ? file.read(names.offset(), (int) Math.min(names.size(), MAX_NAME_TABLE_BYTES))
                        : new byte[0];
                sectionsRead = nameTable.length > 0;
                for (int index = 0; index < sectionCount; index++) {
                    int base = index * sectionEntrySize;
                    String name = cString(nameTable, table.getInt(base));
                    goSections |= name.startsWith(".go") || name.equals(".note.go.buildid");
                    if (name.equals(".go.buildinfo")) {
                        Region section = elfSection(table, base, is64);
                        if (validRange(file, section.offset(), section.size())) {
                            buildInfoSection = section;
                        }
                        break;
                    }
                }
            }
        }
        // Go's linker names the build info section; the first writable segment is searched only when the
        // section names are gone (sstrip) or the binary has other Go sections. Otherwise every shared
        // library of a root filesystem would have its data segment scanned for nothing.
        Region data =
                buildInfoSection != null ? buildInfoSection : (!sectionsRead || goSections ? firstWritableLoad : null);
        return data == null
                ? Optional.empty()
                : Optional.of(new ExecutableLayout("ELF", order, is64 ? 8 : 4, data, segments));
    }

    private static Region elfSection(ByteBuffer table, int base, boolean is64) {
        long offset = is64 ? table.getLong(base + 24) : Integer.toUnsignedLong(table.getInt(base + 16));
        long size = is64 ? table.getLong(base + 32) : Integer.toUnsignedLong(table.getInt(base + 20));
        return new Region(offset, size);
    }

    // ---- Mach-O ----

    private static Optional<ExecutableLayout> macho(PositionedReader file, ByteOrder order, boolean is64)
            throws IOException {
        ByteBuffer header = buffer(file.read(0, 32)).order(order);
        if (header.limit() < 28) {
            return Optional.empty();
        }
        long commandCount = Integer.toUnsignedLong(header.getInt(16));
        long commandBytes = Integer.toUnsignedLong(header.getInt(20));
        if (commandCount > MAX_SECTIONS || commandBytes > MAX_LOAD_COMMANDS_BYTES) {
            return Optional.empty();
        }
        ByteBuffer commands =
                buffer(file.read(is64 ? 32 : 28, (int) commandBytes)).order(order);
        List<Segment> segments = new ArrayList<>();
        Region buildInfo = null;
        Region firstData = null;
        int position = 0;
        for (long index = 0; index < commandCount && position + 8 <= commands.limit(); index++) {
            int command = commands.getInt(position);
            int size = commands.getInt(position + 4);
            if (size < 8 || position + (long) size > commands.limit()) {
                break;
            }
            boolean segment64 = command == 0x19;
            if (segment64 || command == 0x1) {
                int headerSize = segment64 ? 72 : 56;
                if (size >= headerSize) {
                    String segmentName = fixedString(commands, position + 8, 16);
                    long address = segment64
                            ? commands.getLong(position + 24)
                            : Integer.toUnsignedLong(commands.getInt(position + 24));
                    long fileOffset = segment64
                            ? commands.getLong(position + 40)
                            : Integer.toUnsignedLong(commands.getInt(position + 32));
                    long fileSize = segment64
                            ? commands.getLong(position + 48)
                            : Integer.toUnsignedLong(commands.getInt(position + 36));
                    long sectionCount = Integer.toUnsignedLong(commands.getInt(position + (segment64 ? 64 : 48)));
                    if (validRange(file, fileOffset, fileSize)) {
                        segments.add(new Segment(address, fileOffset, fileSize));
                        if (firstData == null && segmentName.equals("__DATA") && fileSize > 0) {
                            firstData = new Region(fileOffset, fileSize);
                        }
                    }
                    int sectionSize = segment64 ? 80 : 68;
                    for (long section = 0; section < sectionCount; section++) {
                        long base = position + headerSize + section * sectionSize;
                        if (base + sectionSize > position + (long) size) {
                            break;
                        }
                        int at = (int) base;
                        String sectionName = fixedString(commands, at, 16);
                        long sectionBytes = segment64
                                ? commands.getLong(at + 40)
                                : Integer.toUnsignedLong(commands.getInt(at + 36));
                        long sectionOffset = Integer.toUnsignedLong(commands.getInt(at + (segment64 ? 48 : 40)));
                        if (sectionName.equals("__go_buildinfo") && validRange(file, sectionOffset, sectionBytes)) {
                            buildInfo = new Region(sectionOffset, sectionBytes);
                        }
                    }
                }
            }
            position += size;
        }
        Region data = buildInfo != null ? buildInfo : firstData;
        return data == null
                ? Optional.empty()
                : Optional.of(new ExecutableLayout("Mach-O", order, is64 ? 8 : 4, data, segments));
    }

    // ---- PE ----

    private static Optional<ExecutableLayout> pe(PositionedReader file) throws IOException {
        ByteBuffer dos = buffer(file.read(0, 64)).order(ByteOrder.LITTLE_ENDIAN);
        if (dos.limit() < 64) {
            return Optional.empty();
        }
        long peOffset = Integer.toUnsignedLong(dos.getInt(0x3C));
        ByteBuffer coff = buffer(file.read(peOffset, 24)).order(ByteOrder.LITTLE_ENDIAN);
        if (coff.limit() < 24 || coff.getInt(0) != 0x00004550) {
            return Optional.empty();
        }
        int sectionCount = Short.toUnsignedInt(coff.getShort(6));
        int optionalSize = Short.toUnsignedInt(coff.getShort(20));
        ByteBuffer optional = buffer(file.read(peOffset + 24, optionalSize)).order(ByteOrder.LITTLE_ENDIAN);
        if (optional.limit() < 32 || sectionCount > MAX_SECTIONS) {
            return Optional.empty();
        }
        int optionalMagic = Short.toUnsignedInt(optional.getShort(0));
        boolean plus = optionalMagic == 0x20b;
        long imageBase = plus ? optional.getLong(24) : Integer.toUnsignedLong(optional.getInt(28));
        ByteBuffer sections = buffer(file.read(peOffset + 24 + optionalSize, sectionCount * 40))
                .order(ByteOrder.LITTLE_ENDIAN);
        List<Segment> segments = new ArrayList<>();
        Region data = null;
        for (int index = 0; index < sectionCount && (index + 1) * 40 <= sections.limit(); index++) {
            int base = index * 40;
            long virtualSize = Integer.toUnsignedLong(sections.getInt(base + 8));
            long virtualAddress = Integer.toUnsignedLong(sections.getInt(base + 12));
            long rawSize = Integer.toUnsignedLong(sections.getInt(base + 16));
            long rawOffset = Integer.toUnsignedLong(sections.getInt(base + 20));
            int characteristics = sections.getInt(base + 36);
            long mapped = Math.min(rawSize, virtualSize == 0 ? rawSize : virtualSize);
            if (!validRange(file, rawOffset, mapped)) {
                continue;
            }
            segments.add(new Segment(imageBase + virtualAddress, rawOffset, mapped));
            // Go looks for build info in the first writable, initialised, non-executable data section.
            boolean initializedData = (characteristics & 0x40) != 0;
            boolean writable = (characteristics & 0x80000000) != 0;
            boolean executable = (characteristics & 0x20000000) != 0;
            if (data == null && initializedData && writable && !executable && virtualAddress != 0 && mapped > 0) {
                data = new Region(rawOffset, mapped);
            }
        }
        return data == null
                ? Optional.empty()
                : Optional.of(new ExecutableLayout("PE", ByteOrder.LITTLE_ENDIAN, plus ? 8 : 4, data, segments));
    }

    // ---- helpers ----

    private static boolean validRange(PositionedReader file, long offset, long size) {
        return offset >= 0 && size >= 0 && offset <= file.size() && size <= file.size() - offset;
    }

    private static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }

    private static String cString(byte[] table, int offset) {
        if (offset < 0 || offset >= table.length) {
            return "";
        }
        int end = offset;
        while (end < table.length && table[end] != 0 && end - offset < 256) {
            end++;
        }
        return new String(table, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    private static String fixedString(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }
}
