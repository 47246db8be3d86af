package dev.assay.sign.attest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.sign.SigstoreBundles;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseSigner;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.keys.SignatureSchemes;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * An in-toto statement signed into a DSSE envelope with a local key, renderable as the bare envelope (what
 * {@code cosign attest-blob} prints) or as a Sigstore bundle v0.3 carrying the envelope and the key hint,
 * without a transparency-log entry (signing here is offline).
 *
 * @param keyHint hex SHA-256 of the public key, as in the envelope's {@code keyid} and the bundle
 */
public record SignedAttestation(Statement statement, DsseEnvelope envelope, String keyHint) {
    public SignedAttestation {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(keyHint, "keyHint");
    }

    /** Signs {@code statement} about {@code subjects} with the key pair's private half. */
    public static SignedAttestation sign(Statement statement, PrivateKey privateKey, PublicKey publicKey) {
        DsseEnvelope envelope = DsseSigner.sign(Statement.PAYLOAD_TYPE, statement.toJsonBytes(), privateKey, publicKey);
        return new SignedAttestation(statement, envelope, SignatureSchemes.keyHint(publicKey));
    }

    /** Convenience for the common case: one predicate about a list of subjects. */
    public static SignedAttestation sign(
            List<dev.assay.sign.intoto.Subject> subjects,
            Predicate predicate,
            PrivateKey privateKey,
            PublicKey publicKey) {
        return sign(Statement.of(subjects, predicate.type(), predicate.content()), privateKey, publicKey);
    }

    public String envelopeJson() {
        return envelope.toJson();
    }

    public String bundleJson() {
        ObjectNode bundle = SigstoreBundles.keySigned(keyHint);
        bundle.set("dsseEnvelope", envelope.toJsonNode());
        return bundle.toPrettyString() + "\n";
    }
}
