package dev.assay.model.untrusted;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

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

    /**
     * The content itself, or its decompressed bytes when it starts with the gzip magic: uploads are recognised
     * by content, not by a header the client may get wrong, and the decompressed size is bounded so that a
     * small gzip bomb cannot exhaust memory.
     *
     * @throws InputTooLargeException when the (decompressed) content is larger than {@code limit}
     * @throws InvalidInputException when the gzip stream is broken
     */
    public static byte[] gunzipIfCompressed(byte[] content, long limit, String name) {
        byte[] document = isGzip(content) ? gunzip(content, limit, name) : content;
        if (document.length > limit) {
            throw new InputTooLargeException(name + " is larger than the limit of " + limit + " bytes", name);
        }
        return document;
    }

    private static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] content, long limit, String name) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return readAll(in, limit, name);
        } catch (IOException e) {
            throw new InvalidInputException(name + " is not valid gzip: " + e.getMessage(), name, e);
        }
    }
}
