package dev.assay.oci;

import java.io.IOException;
import java.io.InputStream;

/** Reads the blobs of one image store; every stream it returns is verified against the descriptor. */
interface BlobAccess {
    InputStream open(Descriptor descriptor, String name, ImageProgress progress) throws IOException;

    default byte[] readSmall(Descriptor descriptor, String name, long limit) throws IOException {
        if (descriptor.size() > limit) {
            throw new dev.assay.model.InputTooLargeException(
                    name + " declares " + descriptor.size() + " bytes, more than the limit of " + limit, name);
        }
        try (InputStream input = open(descriptor, name, ImageProgress.NONE)) {
            return input.readAllBytes();
        }
    }
}
