package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Machine output goes to stdout, or to --output FILE. A regular file is written beside its final name and
 * moved into place when complete, so a failed run never leaves a half-written SBOM behind; it keeps the
 * permissions of the file it replaces (a new one is readable by all, like a shell redirection's). Anything
 * else that exists under that name (a device such as {@code /dev/null} or {@code /dev/stdout}, a FIFO, a
 * symbolic link) is written through, never replaced: renaming onto {@code /dev/null} as root would turn
 * it into a regular file for the whole machine.
 */
final class OutputTarget {
    private OutputTarget() {}

    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path output, PrintStream stdout, Writer writer) throws IOException {
        if (output == null || output.toString().equals("-")) {
            writer.writeTo(new NonClosingOutputStream(stdout));
            stdout.flush();
            return;
        }
        Path absolute = output.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new InvalidInputException("output directory does not exist: " + directory, output.toString());
        }
        if (Files.isDirectory(absolute)) {
            throw new InvalidInputException("the output is a directory: " + absolute, output.toString());
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            try (OutputStream out = Files.newOutputStream(absolute)) {
                writer.writeTo(out);
            }
            return;
        }
        Path partial = Files.createTempFile(directory, "." + absolute.getFileName(), ".partial");
        try {
            keepOrOpenPermissions(partial, absolute);
            try (OutputStream out = Files.newOutputStream(partial)) {
                writer.writeTo(out);
            }
            try {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** createTempFile makes an owner-only file; the output gets the replaced file's mode, or rw-r--r--. */
    private static void keepOrOpenPermissions(Path partial, Path target) throws IOException {
        if (!Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(partial, permissions);
    }

    private static final class NonClosingOutputStream extends OutputStream {
        private final PrintStream delegate;

        NonClosingOutputStream(PrintStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int value) {
            delegate.write(value);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            delegate.write(buffer, offset, length);
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            delegate.flush();
        }
    }
}
