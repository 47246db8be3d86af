package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Machine output goes to stdout, or to --output FILE. A file is written beside its final name and moved
 * into place when complete, so a failed run never leaves a half-written SBOM behind.
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
        Path partial = Files.createTempFile(directory, "." + absolute.getFileName(), ".partial");
        try {
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
