package dev.assay.engine;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomDocument;

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
        byte[] document = BoundedInput.gunzipIfCompressed(upload, maxDocumentBytes, name);
        SbomDocument read = SbomCodecs.readDocument(document, name);
        return new UploadedSbom(document, read.format().cliName(), read.sbom());
    }
}
