package dev.assay.sign.dsse;

/**
 * One signature of an envelope.
 *
 * @param keyId the signer's key hint, or empty when the envelope names none
 */
public record DsseSignature(String keyId, byte[] signature) {
    public DsseSignature {
        keyId = keyId == null ? "" : keyId;
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
