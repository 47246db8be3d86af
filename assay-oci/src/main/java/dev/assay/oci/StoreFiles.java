package dev.assay.oci;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The files of an image store (an OCI layout directory, a docker archive), by their relative path. */
interface StoreFiles {
    /** The size of the regular file at a relative path, if there is one. */
    Optional<Long> size(String path);

    InputStream open(String path) throws IOException;

    /** How to name this store in messages. */
    String describe();

    /** A blob access that reads {@code blobs/<algorithm>/<hex>} and verifies it. */
    default BlobAccess layoutBlobs() {
        return (descriptor, name, progress) -> {
            String path = "blobs/" + descriptor.digest().algorithm() + "/"
                    + descriptor.digest().hex();
            if (size(path).isEmpty()) {
                throw new dev.assay.model.InvalidInputException(
                        describe() + " lacks blob " + descriptor.digest() + " (" + name + ")", describe());
            }
            return new VerifiedInputStream(open(path), descriptor.digest(), descriptor.size(), name);
        };
    }
}
