package dev.assay.oci;

/**
 * A manifest as a registry stores it: the exact bytes (whose digest is the descriptor's) and the
 * descriptor a referrer or a verifier names it by.
 */
public record StoredManifest(Descriptor descriptor, byte[] content) {
    public StoredManifest {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public Digest digest() {
        return descriptor.digest();
    }
}
