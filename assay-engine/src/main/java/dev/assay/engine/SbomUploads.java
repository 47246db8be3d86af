package dev.assay.engine;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads SBOM documents that arrive as bytes (an HTTP upload), plain or gzip-compressed. Compression is
 * recognised by its magic bytes, not by a header the client may get wrong, and the decompressed size is
 * bounded so that a small gzip bomb cannot exhaust memory.
 */
public final class SbomUploads {
    private SbomUploads() {}

    /**
     * @param name how the upload is named in errors
     * @param maxDocumentBytes the largest decompressed document accepted
     * @throws dev.assay.model.InputTooLargeException past {@code maxDocumentBytes}
     * @throws InvalidInputException when the content is not a supported SBOM (or broken gzip)
     */
    public static UploadedSbom read(byte[] upload, String name, long maxDocumentBytes) {
        byte[] document = isGzip(upload) ? gunzip(upload, name, maxDocumentBytes) : upload;
        if (document.length > maxDocumentBytes) {
            throw new InputTooLargeException(
                    name + " is larger than the limit of " + maxDocumentBytes + " bytes", name);
        }
        SbomDocument read = SbomCodecs.readDocument(document, name);
        return new UploadedSbom(document, read.format().cliName(), read.sbom());
    }

    private static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] upload, String name, long maxDocumentBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(upload))) {
            return BoundedInput.readAll(in, maxDocumentBytes, name);
        } catch (IOException e) {
            throw new InvalidInputException(name + " is not valid gzip: " + e.getMessage(), name, e);
        }
    }
}
