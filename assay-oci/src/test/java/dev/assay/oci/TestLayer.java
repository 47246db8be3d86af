package dev.assay.oci;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds one layer tarball in memory, entry by entry, including the hostile kinds. */
final class TestLayer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    TestLayer() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    TestLayer file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    TestLayer file(String name, byte[] content, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        entry.setMode(mode);
        return write(entry, content);
    }

    TestLayer directory(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
        entry.setMode(040755);
        return write(entry, new byte[0]);
    }

    TestLayer symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        return write(entry, new byte[0]);
    }

    TestLayer hardlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        entry.setLinkName(target);
        return write(entry, new byte[0]);
    }

    TestLayer fifo(String name) {
        return write(new TarArchiveEntry(name, TarConstants.LF_FIFO, true), new byte[0]);
    }

    TestLayer characterDevice(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_CHR, true);
        entry.setDevMajor(1);
        entry.setDevMinor(3);
        return write(entry, new byte[0]);
    }

    TestLayer whiteout(String directory, String name) {
        return file((directory.isEmpty() ? "" : directory + "/") + ".wh." + name, "");
    }

    TestLayer opaque(String directory) {
        return file(directory + "/.wh..wh..opq", "");
    }

    private TestLayer write(TarArchiveEntry entry, byte[] content) {
        try {
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The finished uncompressed tarball. */
    byte[] tar() {
        try {
            tar.finish();
            tar.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zstd(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zstd = new ZstdOutputStream(out)) {
            zstd.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
