package dev.assay.oci;

import dev.assay.model.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * The regular files of an uncompressed tar, indexed from its headers alone and then read in place, so a
 * multi-gigabyte {@code docker save} archive is never copied.
 */
final class TarStoreFiles implements StoreFiles {
    private final Path tar;
    private static final int MAX_LINK_HOPS = 8;

    private final Map<String, TarIndex.Entry> entries;

    private TarStoreFiles(Path tar, Map<String, TarIndex.Entry> entries) {
        this.tar = tar;
        this.entries = entries;
    }

    static TarStoreFiles index(Path tar, int maxEntries) {
        try {
            return new TarStoreFiles(tar, Map.copyOf(TarIndex.read(tar, maxEntries, name -> false)));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + tar + ": " + e.getMessage(), tar.toString(), e);
        }
    }

    static String normalize(String name) {
        String normalized = name;
        while (normalized.startsWith("./") || normalized.startsWith("/")) {
            normalized = normalized.startsWith("./") ? normalized.substring(2) : normalized.substring(1);
        }
        return normalized;
    }

    /** The regular file at a path, following links between archive entries (never outside the archive). */
    private TarIndex.Entry find(String path) {
        String current = path;
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            TarIndex.Entry entry = entries.get(current);
            if (entry == null || entry.linkTarget() == null) {
                return entry;
            }
            current = resolveLink(current, entry.linkTarget());
        }
        return null;
    }

    private static String resolveLink(String from, String target) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        if (!target.startsWith("/")) {
            String[] fromParts = from.split("/");
            for (int index = 0; index < fromParts.length - 1; index++) {
                parts.addLast(fromParts[index]);
            }
        }
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    @Override
    public Optional<Long> size(String path) {
        TarIndex.Entry entry = find(path);
        return entry == null ? Optional.empty() : Optional.of(entry.size());
    }

    @Override
    public InputStream open(String path) throws IOException {
        TarIndex.Entry entry = find(path);
        if (entry == null) {
            throw new IOException("no file " + path + " in " + tar);
        }
        FileChannel channel = FileChannel.open(tar, StandardOpenOption.READ);
        if (entry.offset() + entry.size() > channel.size()) {
            channel.close();
            throw new InvalidInputException(tar + " is truncated inside " + path, tar.toString());
        }
        channel.position(entry.offset());
        return new BoundedStream(Channels.newInputStream(channel), entry.size());
    }

    @Override
    public String describe() {
        return tar.toString();
    }

    /** Exactly {@code size} bytes of the underlying stream. */
    private static final class BoundedStream extends FilterInputStream {
        private long remaining;

        BoundedStream(InputStream input, long size) {
            super(input);
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int value = super.read();
            if (value >= 0) {
                remaining--;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
