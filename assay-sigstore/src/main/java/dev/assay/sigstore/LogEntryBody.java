package dev.assay.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.keys.Pem;
import dev.assay.sigstore.SigstoreBundle.Content;
import dev.assay.sigstore.SigstoreBundle.TlogEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks that a transparency-log entry records this bundle: the same artifact (or envelope), the same
 * signature and the same certificate or key. Without this a valid entry for some other signature could be
 * stapled to the bundle. Supported entries: Rekor v1 {@code hashedrekord 0.0.1}, {@code dsse 0.0.1},
 * {@code intoto 0.0.2}; Rekor v2 {@code hashedrekord 0.0.2} (for DSSE: the digest of the envelope's PAE).
 */
final class LogEntryBody {
    private LogEntryBody() {}

    static void check(TlogEntry entry, Evidence evidence) throws CheckFailed {
        JsonNode body = parse(entry);
        String kind = body.path("kind").asText("");
        String version = body.path("apiVersion").asText("");
        if (!kind.equals(entry.kind()) || !version.equals(entry.version())) {
            throw new CheckFailed("the log entry body is " + kind + " " + version + " but its kindVersion says "
                    + entry.kind() + " " + entry.version());
        }
        JsonNode spec = body.path("spec");
        boolean dsse = evidence.content() instanceof Content.Dsse;
        switch (kind + " " + version) {
            case "hashedrekord 0.0.1" -> {
                requireMessage(dsse, kind, version);
                hashedRekordV001(spec, evidence);
            }
            case "dsse 0.0.1" -> {
                requireDsse(dsse, kind, version);
                dsseV001(spec, evidence);
            }
            case "intoto 0.0.2" -> {
                requireDsse(dsse, kind, version);
                intotoV002(spec.path("content"), evidence);
            }
            case "hashedrekord 0.0.2" -> hashedRekordV002(spec.path("hashedRekordV002"), evidence);
            default ->
                throw new CheckFailed("unsupported transparency-log entry type " + kind + " " + version
                        + " (supported: hashedrekord 0.0.1 and 0.0.2, dsse 0.0.1, intoto 0.0.2)");
        }
    }

    private static JsonNode parse(TlogEntry entry) throws CheckFailed {
        try {
            JsonNode body = SafeJson.read(entry.canonicalizedBody(), "the log entry body");
            if (!body.isObject()) {
                throw new CheckFailed("the log entry body is not a JSON object");
            }
            return body;
        } catch (InvalidInputException e) {
            throw new CheckFailed("the log entry body is not valid JSON");
        }
    }

    private static void requireMessage(boolean dsse, String kind, String version) throws CheckFailed {
        if (dsse) {
            throw new CheckFailed("a DSSE bundle cannot be recorded as a " + kind + " " + version + " log entry");
        }
    }

    private static void requireDsse(boolean dsse, String kind, String version) throws CheckFailed {
        if (!dsse) {
            throw new CheckFailed(
                    "a message-signature bundle cannot be recorded as a " + kind + " " + version + " log entry");
        }
    }

    private static void hashedRekordV001(JsonNode spec, Evidence evidence) throws CheckFailed {
        JsonNode hash = spec.path("data").path("hash");
        DigestAlgorithm algorithm = algorithm(text(hash.path("algorithm"), "spec.data.hash.algorithm"));
        byte[] recorded = hex(text(hash.path("value"), "spec.data.hash.value"), "spec.data.hash.value");
        requireArtifactDigest(algorithm, recorded, evidence);
        requireSignature(base64(spec.path("signature").path("content"), "spec.signature.content"), evidence);
        requireSigner(
                pem(base64(
                        spec.path("signature").path("publicKey").path("content"), "spec.signature.publicKey.content")),
                evidence);
    }

    private static void dsseV001(JsonNode spec, Evidence evidence) throws CheckFailed {
        Content.Dsse envelope = (Content.Dsse) evidence.content();
        JsonNode payloadHash = spec.path("payloadHash");
        requirePayloadDigest(
                algorithm(text(payloadHash.path("algorithm"), "spec.payloadHash.algorithm")),
                hex(text(payloadHash.path("value"), "spec.payloadHash.value"), "spec.payloadHash.value"),
                envelope);
        JsonNode signatures = spec.path("signatures");
        if (!signatures.isArray() || signatures.size() != 1) {
            throw new CheckFailed("the dsse log entry must record exactly one signature");
        }
        requireSignature(base64(signatures.get(0).path("signature"), "spec.signatures[0].signature"), evidence);
        requireSigner(pem(base64(signatures.get(0).path("verifier"), "spec.signatures[0].verifier")), evidence);
    }

    /** Rekor's intoto 0.0.2 stores the envelope's payload and signatures base64-encoded a second time. */
    private static void intotoV002(JsonNode content, Evidence evidence) throws CheckFailed {
        Content.Dsse envelope = (Content.Dsse) evidence.content();
        JsonNode payloadHash = content.path("payloadHash");
        requirePayloadDigest(
                algorithm(text(payloadHash.path("algorithm"), "spec.content.payloadHash.algorithm")),
                hex(
                        text(payloadHash.path("value"), "spec.content.payloadHash.value"),
                        "spec.content.payloadHash.value"),
                envelope);
        JsonNode recordedEnvelope = content.path("envelope");
        if (!recordedEnvelope.path("payloadType").asText("").equals(envelope.payloadType())) {
            throw new CheckFailed("the log entry records a different DSSE payload type than the bundle's");
        }
        JsonNode signatures = recordedEnvelope.path("signatures");
        if (!signatures.isArray() || signatures.size() != 1) {
            throw new CheckFailed("the intoto log entry must record exactly one signature");
        }
        byte[] once = base64(signatures.get(0).path("sig"), "spec.content.envelope.signatures[0].sig");
        byte[] asText = Base64.getEncoder().encode(evidence.signature());
        // Rekor writes the signature's base64 text base64-encoded again; accept the raw bytes as well.
        requireSignature(MessageDigest.isEqual(once, asText) ? evidence.signature() : once, evidence);
        requireSigner(
                pem(base64(signatures.get(0).path("publicKey"), "spec.content.envelope.signatures[0].publicKey")),
                evidence);
    }

    private static void hashedRekordV002(JsonNode spec, Evidence evidence) throws CheckFailed {
        JsonNode data = spec.path("data");
        DigestAlgorithm algorithm = algorithm(text(data.path("algorithm"), "spec.hashedRekordV002.data.algorithm"));
        byte[] recorded = base64(data.path("digest"), "spec.hashedRekordV002.data.digest");
        if (evidence.content() instanceof Content.Dsse envelope) {
            // Rekor v2 logs a DSSE envelope as a hashedrekord over its pre-authentication encoding.
            byte[] pae = algorithm.digest(envelope.preAuthenticationEncoding());
            if (!MessageDigest.isEqual(pae, recorded)) {
                throw new CheckFailed("the log entry records a different DSSE envelope (digest of its PAE "
                        + algorithm.label() + ":" + hexOf(recorded) + ", the bundle's is " + hexOf(pae) + ")");
            }
        } else {
            requireArtifactDigest(algorithm, recorded, evidence);
        }
        JsonNode signature = spec.path("signature");
        requireSignature(base64(signature.path("content"), "spec.hashedRekordV002.signature.content"), evidence);
        JsonNode verifier = signature.path("verifier");
        if (verifier.has("x509Certificate")) {
            requireSigner(
                    new Pem(
                            "CERTIFICATE",
                            base64(
                                    verifier.path("x509Certificate").path("rawBytes"),
                                    "verifier.x509Certificate.rawBytes")),
                    evidence);
        } else if (verifier.has("publicKey")) {
            requireSigner(
                    new Pem(
                            "PUBLIC KEY",
                            base64(verifier.path("publicKey").path("rawBytes"), "verifier.publicKey.rawBytes")),
                    evidence);
        } else {
            throw new CheckFailed("the log entry records no certificate or public key for its signature");
        }
    }

    private static void requireArtifactDigest(DigestAlgorithm algorithm, byte[] recorded, Evidence evidence)
            throws CheckFailed {
        byte[] actual = evidence.artifactDigests().get(algorithm);
        if (actual == null) {
            throw new CheckFailed("the log entry names digest algorithm " + algorithm.label()
                    + ", which the bundle's signature does not use");
        }
        if (!MessageDigest.isEqual(actual, recorded)) {
            throw new CheckFailed("the log entry records a different artifact (" + algorithm.label() + ":"
                    + hexOf(recorded) + "), not this artifact (" + algorithm.label() + ":" + hexOf(actual) + ")");
        }
    }

    private static void requirePayloadDigest(DigestAlgorithm algorithm, byte[] recorded, Content.Dsse envelope)
            throws CheckFailed {
        byte[] actual = algorithm.digest(envelope.payload());
        if (!MessageDigest.isEqual(actual, recorded)) {
            throw new CheckFailed(
                    "the log entry records a different DSSE payload (" + algorithm.label() + ":" + hexOf(recorded)
                            + ") than the bundle's envelope (" + algorithm.label() + ":" + hexOf(actual) + ")");
        }
    }

    private static void requireSignature(byte[] recorded, Evidence evidence) throws CheckFailed {
        if (!MessageDigest.isEqual(recorded, evidence.signature())) {
            throw new CheckFailed("the log entry records a different signature than the bundle's");
        }
    }

    private static void requireSigner(Pem recorded, Evidence evidence) throws CheckFailed {
        switch (evidence.signer()) {
            case SigningMaterial.Leaf leaf -> {
                byte[] expected;
                try {
                    expected = leaf.certificate().getEncoded();
                } catch (CertificateEncodingException e) {
                    throw new CheckFailed("the bundle's certificate cannot be re-encoded for comparison");
                }
                if (!recorded.label().equals("CERTIFICATE")) {
                    throw new CheckFailed("the log entry records a public key, not the bundle's certificate");
                }
                if (!MessageDigest.isEqual(expected, recorded.content())) {
                    throw new CheckFailed("the log entry records a different signing certificate than the bundle's");
                }
            }
            case SigningMaterial.Key key -> {
                if (!recorded.label().equals("PUBLIC KEY")) {
                    throw new CheckFailed("the log entry records a certificate, not the given public key");
                }
                if (!MessageDigest.isEqual(key.key().getEncoded(), recorded.content())) {
                    throw new CheckFailed("the log entry records a different public key than " + key.describe());
                }
            }
        }
    }

    private static Pem pem(byte[] text) throws CheckFailed {
        try {
            return Pem.decode(new String(text, StandardCharsets.US_ASCII), "the log entry's verifier");
        } catch (InvalidInputException e) {
            throw new CheckFailed("the log entry's certificate or key is not PEM");
        }
    }

    private static DigestAlgorithm algorithm(String name) throws CheckFailed {
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.named(name);
        if (algorithm.isEmpty()) {
            throw new CheckFailed(
                    "the log entry uses unsupported digest algorithm '" + JsonPath.abbreviate(name) + "'");
        }
        return algorithm.get();
    }

    private static String text(JsonNode node, String path) throws CheckFailed {
        if (!node.isTextual()) {
            throw new CheckFailed("the log entry body lacks " + path);
        }
        return node.asText();
    }

    private static byte[] base64(JsonNode node, String path) throws CheckFailed {
        return decodeBase64(text(node, path), path);
    }

    private static byte[] decodeBase64(String text, String path) throws CheckFailed {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CheckFailed("the log entry body's " + path + " is not base64");
        }
    }

    private static byte[] hex(String text, String path) throws CheckFailed {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new CheckFailed("the log entry body's " + path + " is not hexadecimal");
        }
    }

    static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
