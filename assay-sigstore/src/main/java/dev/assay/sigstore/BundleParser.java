package dev.assay.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sigstore.SigstoreBundle.Content;
import dev.assay.sigstore.SigstoreBundle.InclusionProof;
import dev.assay.sigstore.SigstoreBundle.Material;
import dev.assay.sigstore.SigstoreBundle.TlogEntry;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Sigstore bundle (v0.1, v0.2, v0.3) from JSON. Structure only: a bundle that parses is not yet
 * trusted in any way. Malformed, oversized or unsupported bundles fail with an {@link InvalidInputException}
 * naming the field.
 */
final class BundleParser {
    /** Real bundles are kilobytes; DSSE attestations can carry a large SBOM, hence the headroom. */
    static final int MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

    // A Merkle proof for a tree of 2^63 leaves has 63 hashes; the other bounds are generous multiples of
    // what real bundles carry, and keep hostile bundles from making the verifier do unbounded work.
    private static final int MAX_PROOF_HASHES = 64;
    private static final int MAX_CHAIN_CERTIFICATES = 10;
    private static final int MAX_TLOG_ENTRIES = 32;
    private static final int MAX_TIMESTAMPS = 32;
    private static final int MAX_SIGNATURES = 32;

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "application/vnd.dev.sigstore.bundle+json;version=0.1", "0.1",
            "application/vnd.dev.sigstore.bundle+json;version=0.2", "0.2",
            "application/vnd.dev.sigstore.bundle+json;version=0.3", "0.3",
            "application/vnd.dev.sigstore.bundle.v0.3+json", "0.3");

    private BundleParser() {}

    static SigstoreBundle parse(byte[] json, String name) {
        if (json.length > MAX_BUNDLE_BYTES) {
            throw new InputTooLargeException(
                    name + " is " + json.length + " bytes; bundles over " + MAX_BUNDLE_BYTES + " bytes are refused",
                    name);
        }
        JsonPath fields = new JsonPath(name);
        JsonNode root = SafeJson.read(json, name);
        if (!root.isObject()) {
            throw new InvalidInputException(name + " is not a Sigstore bundle (not a JSON object)", name);
        }
        String mediaType = fields.text(root.path("mediaType"), "mediaType");
        String version = MEDIA_TYPES.get(mediaType);
        if (version == null) {
            throw new InvalidInputException(
                    name + ": unsupported bundle media type '" + JsonPath.abbreviate(mediaType)
                            + "' (Sigstore bundle v0.1, v0.2 and v0.3 are supported)",
                    name);
        }
        JsonNode material = fields.object(root.path("verificationMaterial"), "verificationMaterial");
        return new SigstoreBundle(
                mediaType,
                version,
                material(material, fields, name),
                tlogEntries(material, fields),
                timestamps(material, fields),
                content(root, fields, name));
    }

    private static Material material(JsonNode material, JsonPath fields, String name) {
        JsonNode chain = material.path("x509CertificateChain");
        JsonNode certificate = material.path("certificate");
        JsonNode publicKey = material.path("publicKey");
        int present = (chain.isMissingNode() ? 0 : 1)
                + (certificate.isMissingNode() ? 0 : 1)
                + (publicKey.isMissingNode() ? 0 : 1);
        if (present != 1) {
            throw fields.invalid(
                    "verificationMaterial",
                    present == 0
                            ? "has no certificate, certificate chain or public key"
                            : "has more than one of certificate, certificate chain and public key");
        }
        if (!publicKey.isMissingNode()) {
            fields.object(publicKey, "verificationMaterial.publicKey");
            JsonNode hint = publicKey.path("hint");
            return new Material.PublicKeyHint(hint.isTextual() ? hint.asText() : "");
        }
        if (!certificate.isMissingNode()) {
            fields.object(certificate, "verificationMaterial.certificate");
            return new Material.Certificates(List.of(x509(
                    fields.base64(certificate.path("rawBytes"), "verificationMaterial.certificate.rawBytes"),
                    "verificationMaterial.certificate",
                    fields)));
        }
        fields.object(chain, "verificationMaterial.x509CertificateChain");
        JsonNode certificates = fields.array(
                chain.path("certificates"),
                "verificationMaterial.x509CertificateChain.certificates",
                MAX_CHAIN_CERTIFICATES);
        if (!certificates.isArray() || certificates.isEmpty()) {
            throw fields.invalid("verificationMaterial.x509CertificateChain", "is empty (no certificates)");
        }
        List<X509Certificate> parsed = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            String path = "verificationMaterial.x509CertificateChain.certificates[" + i + "]";
            parsed.add(x509(fields.base64(certificates.get(i).path("rawBytes"), path + ".rawBytes"), path, fields));
        }
        return new Material.Certificates(List.copyOf(parsed));
    }

    static X509Certificate x509(byte[] der, String path, JsonPath fields) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            // The JDK's DER parser reports some malformed encodings as runtime exceptions.
            throw fields.invalid(path, "is not a DER X.509 certificate");
        }
    }

    private static List<TlogEntry> tlogEntries(JsonNode material, JsonPath fields) {
        JsonNode entries = fields.array(material.path("tlogEntries"), "tlogEntries", MAX_TLOG_ENTRIES);
        List<TlogEntry> parsed = new ArrayList<>();
        for (int i = 0; entries.isArray() && i < entries.size(); i++) {
            parsed.add(tlogEntry(entries.get(i), "tlogEntries[" + i + "]", fields));
        }
        return List.copyOf(parsed);
    }

    private static TlogEntry tlogEntry(JsonNode entry, String path, JsonPath fields) {
        fields.object(entry, path);
        JsonNode kindVersion = fields.object(entry.path("kindVersion"), path + ".kindVersion");
        JsonNode promise = entry.path("inclusionPromise");
        Optional<byte[]> signedEntryTimestamp = Optional.empty();
        if (!promise.isMissingNode() && !promise.isNull()) {
            fields.object(promise, path + ".inclusionPromise");
            signedEntryTimestamp = Optional.of(fields.base64(
                    promise.path("signedEntryTimestamp"), path + ".inclusionPromise.signedEntryTimestamp"));
        }
        JsonNode proof = entry.path("inclusionProof");
        Optional<InclusionProof> inclusionProof = proof.isMissingNode() || proof.isNull()
                ? Optional.empty()
                : Optional.of(inclusionProof(proof, path + ".inclusionProof", fields));
        return new TlogEntry(
                fields.nonNegative(entry.path("logIndex"), path + ".logIndex"),
                fields.base64(
                        fields.object(entry.path("logId"), path + ".logId").path("keyId"), path + ".logId.keyId"),
                fields.text(kindVersion.path("kind"), path + ".kindVersion.kind"),
                fields.text(kindVersion.path("version"), path + ".kindVersion.version"),
                fields.nonNegative(entry.path("integratedTime"), path + ".integratedTime"),
                signedEntryTimestamp,
                inclusionProof,
                fields.base64(entry.path("canonicalizedBody"), path + ".canonicalizedBody"));
    }

    private static InclusionProof inclusionProof(JsonNode proof, String path, JsonPath fields) {
        fields.object(proof, path);
        JsonNode hashes = fields.array(proof.path("hashes"), path + ".hashes", MAX_PROOF_HASHES);
        List<byte[]> parsed = new ArrayList<>();
        for (int i = 0; hashes.isArray() && i < hashes.size(); i++) {
            parsed.add(fields.base64(hashes.get(i), path + ".hashes[" + i + "]"));
        }
        return new InclusionProof(
                fields.nonNegative(proof.path("logIndex"), path + ".logIndex"),
                fields.base64(proof.path("rootHash"), path + ".rootHash"),
                fields.nonNegative(proof.path("treeSize"), path + ".treeSize"),
                List.copyOf(parsed),
                checkpoint(proof.path("checkpoint"), path + ".checkpoint", fields));
    }

    private static Optional<String> checkpoint(JsonNode checkpoint, String path, JsonPath fields) {
        if (checkpoint.isMissingNode() || checkpoint.isNull()) {
            return Optional.empty();
        }
        fields.object(checkpoint, path);
        return Optional.of(fields.text(checkpoint.path("envelope"), path + ".envelope"));
    }

    private static List<byte[]> timestamps(JsonNode material, JsonPath fields) {
        JsonNode data = material.path("timestampVerificationData");
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        fields.object(data, "timestampVerificationData");
        String path = "timestampVerificationData.rfc3161Timestamps";
        JsonNode timestamps = fields.array(data.path("rfc3161Timestamps"), path, MAX_TIMESTAMPS);
        List<byte[]> parsed = new ArrayList<>();
        for (int i = 0; timestamps.isArray() && i < timestamps.size(); i++) {
            parsed.add(fields.base64(timestamps.get(i).path("signedTimestamp"), path + "[" + i + "].signedTimestamp"));
        }
        return List.copyOf(parsed);
    }

    private static Content content(JsonNode root, JsonPath fields, String name) {
        JsonNode message = root.path("messageSignature");
        JsonNode envelope = root.path("dsseEnvelope");
        if (message.isMissingNode() == envelope.isMissingNode()) {
            throw new InvalidInputException(
                    name + ": a bundle carries exactly one of messageSignature and dsseEnvelope", name);
        }
        if (!message.isMissingNode()) {
            fields.object(message, "messageSignature");
            byte[] signature = fields.base64(message.path("signature"), "messageSignature.signature");
            JsonNode digest = message.path("messageDigest");
            if (digest.isMissingNode() || digest.isNull()) {
                return new Content.MessageSignature(Optional.empty(), null, signature);
            }
            fields.object(digest, "messageSignature.messageDigest");
            String algorithmName = fields.text(digest.path("algorithm"), "messageSignature.messageDigest.algorithm");
            DigestAlgorithm algorithm = DigestAlgorithm.named(algorithmName)
                    .orElseThrow(() -> fields.invalid(
                            "messageSignature.messageDigest.algorithm",
                            "names an unsupported algorithm '" + JsonPath.abbreviate(algorithmName) + "'"));
            return new Content.MessageSignature(
                    Optional.of(algorithm),
                    fields.base64(digest.path("digest"), "messageSignature.messageDigest.digest"),
                    signature);
        }
        fields.object(envelope, "dsseEnvelope");
        JsonNode signatures = fields.array(envelope.path("signatures"), "dsseEnvelope.signatures", MAX_SIGNATURES);
        List<byte[]> parsed = new ArrayList<>();
        for (int i = 0; signatures.isArray() && i < signatures.size(); i++) {
            parsed.add(fields.base64(signatures.get(i).path("sig"), "dsseEnvelope.signatures[" + i + "].sig"));
        }
        return new Content.Dsse(
                fields.text(envelope.path("payloadType"), "dsseEnvelope.payloadType"),
                fields.base64(envelope.path("payload"), "dsseEnvelope.payload"),
                List.copyOf(parsed));
    }
}
