package dev.assay.sign.attest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.SigstoreBundles;
import dev.assay.sign.dsse.DsseEnvelope;

/**
 * Reads the envelope out of whatever an attestation arrives in: a bare DSSE envelope (cosign attest-blob,
 * slsa-github-generator's {@code .intoto.jsonl}) or a Sigstore bundle with a {@code dsseEnvelope}.
 */
public final class AttestationDocuments {
    private AttestationDocuments() {}

    /**
     * @param name how the document is named in errors
     * @throws InvalidInputException when the document is neither, or a bundle that carries no envelope
     */
    public static DsseEnvelope envelope(byte[] document, String name) {
        return envelope(SafeJson.read(document, name), name);
    }

    /** As {@link #envelope(byte[], String)}, for a document already parsed. */
    public static DsseEnvelope envelope(JsonNode document, String name) {
        if (SigstoreBundles.isBundle(document)) {
            JsonNode envelope = document.path("dsseEnvelope");
            if (!envelope.isObject()) {
                throw new InvalidInputException(
                        name + " is a Sigstore bundle without a dsseEnvelope (a message-signature bundle is "
                                + "verified with 'assay verify blob')",
                        name);
            }
            return DsseEnvelope.fromJson(envelope, name);
        }
        return DsseEnvelope.fromJson(document, name);
    }
}
