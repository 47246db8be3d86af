package dev.assay.model.untrusted;

import dev.assay.model.InputTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads streams with a hard upper bound, failing with a named, typed error past it. */
public final class BoundedInput {
    private BoundedInput() {}

    /** Reads the whole stream, or throws {@link InputTooLargeException} once more than {@code limit} bytes arrive. */
    public static byte[] readAll(InputStream input, long limit, String name) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[8192];
        long total = 0;
        int read;
        while ((read = input.read(chunk)) != -1) {
            total += read;
            if (total > limit) {
                throw new InputTooLargeException(name + " is larger than the limit of " + limit + " bytes", name);
            }
            buffer.write(chunk, 0, read);
        }
        return buffer.toByteArray();
    }

    /** Wraps a stream so that reading past {@code limit} bytes throws {@link InputTooLargeException}. */
    public static InputStream limited(InputStream input, long limit, String name) {
        return new FilterInputStream(input) {
            private long count;

            @Override
            public int read() throws IOException {
                int value = super.read();
                if (value >= 0) {
                    count(1);
                }
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    count(read);
                }
                return read;
            }

            private void count(long bytes) {
                count += bytes;
                if (count > limit) {
                    throw new InputTooLargeException(name + " expands past the limit of " + limit + " bytes", name);
                }
            }
        };
    }
}
