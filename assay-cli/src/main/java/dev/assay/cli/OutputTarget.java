package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import dev.assay.model.files.FileReplacement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Machine output goes to stdout, or to --output FILE, written as {@link FileReplacement} writes files:
 * complete or not at all, and through a device, FIFO or link rather than replacing it.
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
        FileReplacement.write(absolute, writer::writeTo);
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
