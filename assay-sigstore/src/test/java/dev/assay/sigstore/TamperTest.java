package dev.assay.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.Verification;
import dev.assay.testkit.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One byte flipped in each piece of evidence of a verifying bundle (a Rekor v1 message signature, a Rekor v2
 * one with an RFC 3161 timestamp, a DSSE one) is rejected, naming the piece.
 */
class TamperTest {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify/";

    @TempDir
    Path temp;

    @Test
    void untouched_v1AndV2AndDsseBundles_verify() throws Exception {
        assertThat(verify("happy-path-v0.3", bundle -> {})).isInstanceOf(Verification.Verified.class);
        assertThat(verify("rekor2-happy-path", bundle -> {})).isInstanceOf(Verification.Verified.class);
        assertThat(verify("happy-path-intoto-in-dsse-v3", bundle -> {})).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void signature_flippedByte_isRejectedAsABadSignature() throws Exception {
        assertRejected(
                "happy-path-v0.3",
                b -> flip(b.with("messageSignature"), "signature", 10),
                "signature does not verify over the artifact");
        assertRejected(
                "rekor2-happy-path",
                b -> flip(b.with("messageSignature"), "signature", 10),
                "signature does not verify over the artifact");
        assertRejected(
                "happy-path-intoto-in-dsse-v3",
                b -> flip(
                        (ObjectNode)
                                b.with("dsseEnvelope").withArray("signatures").get(0),
                        "sig",
                        10),
                "DSSE envelope's signature does not verify");
    }

    @Test
    void certificate_flippedByteInItsSignature_doesNotChainToFulcio() throws Exception {
        assertRejected(
                "happy-path-v0.3",
                b -> flipLast(b.with("verificationMaterial").with("certificate"), "rawBytes"),
                "does not chain to a Fulcio CA of the trusted root");
        assertRejected(
                "rekor2-happy-path",
                b -> flipLast(b.with("verificationMaterial").with("certificate"), "rawBytes"),
                "does not chain to a Fulcio CA of the trusted root");
    }

    @Test
    void artifact_flippedByte_isADigestMismatch() throws Exception {
        Path artifact = temp.resolve("a.txt");
        byte[] bytes = Files.readAllBytes(Corpora.require(SUITE + "a.txt"));
        bytes[0] ^= 0x01;
        Files.write(artifact, bytes);

        assertThat(rejection("happy-path-v0.3", b -> {}, artifact)).contains("artifact digest mismatch");
        assertThat(rejection("rekor2-happy-path", b -> {}, artifact)).contains("artifact digest mismatch");
        // Without the (unauthenticated) digest hint, the signature itself catches the change.
        assertThat(rejection(
                        "rekor2-happy-path", b -> b.with("messageSignature").remove("messageDigest"), artifact))
                .contains("signature does not verify over the artifact");
        assertThat(rejection("happy-path-intoto-in-dsse-v3", b -> {}, artifact))
                .contains("artifact digest mismatch", "is not a subject of the in-toto statement");
    }

    @Test
    void dssePayload_changedCharacter_breaksTheEnvelopeSignature() throws Exception {
        assertRejected(
                "happy-path-intoto-in-dsse-v3",
                b -> {
                    ObjectNode envelope = b.with("dsseEnvelope");
                    String payload = new String(
                            Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
                    envelope.put(
                            "payload",
                            Base64.getEncoder()
                                    .encodeToString(payload.replace("\"predicateType\"", "\"predicateTypf\"")
                                            .getBytes(StandardCharsets.UTF_8)));
                },
                "the DSSE payload");
        assertRejected(
                "happy-path-intoto-in-dsse-v3",
                b -> {
                    ObjectNode envelope = b.with("dsseEnvelope");
                    String payload = new String(
                            Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
                    envelope.put(
                            "payload",
                            Base64.getEncoder()
                                    .encodeToString(payload.replace("https://slsa.dev", "https://slsb.dev")
                                            .getBytes(StandardCharsets.UTF_8)));
                },
                "DSSE envelope's signature does not verify");
    }

    @Test
    void inclusionProof_flippedHash_doesNotLeadToTheRoot() throws Exception {
        assertRejected("happy-path-v0.3", b -> flipArrayItem(proof(b), "hashes", 0), "inclusion proof does not lead");
        assertRejected("rekor2-happy-path", b -> flipArrayItem(proof(b), "hashes", 3), "inclusion proof does not lead");
        assertRejected("happy-path-v0.3", b -> flip(proof(b), "rootHash", 5), "inclusion proof does not lead");
    }

    @Test
    void checkpoint_flippedSignatureOrRootHash_isRejected() throws Exception {
        assertRejected("happy-path-v0.3", b -> tamperCheckpoint(b, true), "checkpoint signature does not verify");
        assertRejected("rekor2-happy-path", b -> tamperCheckpoint(b, true), "checkpoint signature does not verify");
        assertRejected("happy-path-v0.3", b -> tamperCheckpoint(b, false), "root hash does not match the checkpoint");
    }

    @Test
    void signedEntryTimestampOrIntegratedTime_changed_isRejected() throws Exception {
        assertRejected(
                "happy-path-v0.3",
                b -> flip(entry(b).with("inclusionPromise"), "signedEntryTimestamp", 12),
                "signed entry timestamp (SET) does not verify");
        assertRejected(
                "happy-path-v0.3",
                b -> entry(b).put("integratedTime", "1710869187"),
                "signed entry timestamp (SET) does not verify");
    }

    @Test
    void logEntryBody_changed_disagreesWithTheBundle() throws Exception {
        assertRejected(
                "happy-path-v0.3",
                b -> {
                    ObjectNode entry = entry(b);
                    String body = new String(
                            Base64.getDecoder()
                                    .decode(entry.get("canonicalizedBody").asText()),
                            StandardCharsets.UTF_8);
                    String changed = body.replaceFirst("\"value\":\"a", "\"value\":\"b");
                    assertThat(changed).isNotEqualTo(body);
                    entry.put(
                            "canonicalizedBody",
                            Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
                },
                "log entry records a different artifact");
        assertRejected(
                "happy-path-v0.3",
                b -> entry(b).with("logId").put("keyId", Base64.getEncoder().encodeToString(new byte[32])),
                "transparency log the trusted root does not know");
    }

    @Test
    void rfc3161Timestamp_flippedSignatureByte_isRejected() throws Exception {
        assertRejected(
                "rekor2-happy-path",
                b -> flipLast(
                        (ObjectNode) b.with("verificationMaterial")
                                .with("timestampVerificationData")
                                .withArray("rfc3161Timestamps")
                                .get(0),
                        "signedTimestamp"),
                "RFC 3161 timestamp 1");
        assertRejected(
                "rekor2-happy-path",
                b -> b.with("verificationMaterial").remove("timestampVerificationData"),
                "no verified signing time");
    }

    @Test
    void identity_otherThanTheCertificates_isRejectedNamingBoth() throws Exception {
        Path suite = Corpora.require(SUITE);
        TrustRoot root = TrustRoot.load(Corpora.require("sigstore/sigstore-java/trustroot/trusted_root.json"));
        byte[] bundle = Files.readAllBytes(suite.resolve("happy-path-v0.3/bundle.sigstore.json"));
        String identity = ConformanceCase.DEFAULT_IDENTITY;

        Verification otherIdentity = KeylessBundleVerifier.verify(
                suite.resolve("a.txt"),
                bundle,
                "b",
                root,
                IdentityPolicy.exact(
                        "https://github.com/evil/repo/.github/workflows/x.yml@refs/heads/main",
                        ConformanceCase.DEFAULT_ISSUER));
        Verification otherIssuer = KeylessBundleVerifier.verify(
                suite.resolve("a.txt"),
                bundle,
                "b",
                root,
                IdentityPolicy.exact(identity, "https://accounts.google.com"));
        Verification partialPattern = KeylessBundleVerifier.verify(
                suite.resolve("a.txt"),
                bundle,
                "b",
                root,
                IdentityPolicy.regexp("extremely-dangerous", ConformanceCase.DEFAULT_ISSUER));
        Verification fullPattern = KeylessBundleVerifier.verify(
                suite.resolve("a.txt"),
                bundle,
                "b",
                root,
                IdentityPolicy.regexp(
                        "https://github\\.com/sigstore-conformance/.*@refs/heads/main",
                        ConformanceCase.DEFAULT_ISSUER));

        assertThat(((Verification.Rejected) otherIdentity).reason())
                .isEqualTo("certificate identity '" + identity + "' does not match the expected "
                        + "'https://github.com/evil/repo/.github/workflows/x.yml@refs/heads/main'");
        assertThat(((Verification.Rejected) otherIssuer).reason())
                .isEqualTo("certificate OIDC issuer 'https://token.actions.githubusercontent.com' does not match the"
                        + " expected 'https://accounts.google.com'");
        assertThat(((Verification.Rejected) partialPattern).reason())
                .contains("does not match the expected pattern 'extremely-dangerous'");
        assertThat(fullPattern).isInstanceOf(Verification.Verified.class);
    }

    private Verification verify(String caseName, Consumer<ObjectNode> tamper) throws Exception {
        return verify(caseName, tamper, Corpora.require(SUITE + "a.txt"));
    }

    private Verification verify(String caseName, Consumer<ObjectNode> tamper, Path artifact) throws Exception {
        Path directory = Corpora.require(SUITE + caseName);
        ObjectNode bundle =
                (ObjectNode) SafeJson.read(Files.readAllBytes(directory.resolve("bundle.sigstore.json")), caseName);
        tamper.accept(bundle);
        Path ownRoot = directory.resolve("trusted_root.json");
        TrustRoot root = TrustRoot.load(
                Files.exists(ownRoot)
                        ? ownRoot
                        : Corpora.require("sigstore/sigstore-java/trustroot/trusted_root.json"));
        return KeylessBundleVerifier.verify(
                artifact,
                bundle.toString().getBytes(StandardCharsets.UTF_8),
                caseName,
                root,
                IdentityPolicy.exact(ConformanceCase.DEFAULT_IDENTITY, ConformanceCase.DEFAULT_ISSUER));
    }

    private String rejection(String caseName, Consumer<ObjectNode> tamper, Path artifact) throws Exception {
        Verification verdict = verify(caseName, tamper, artifact);
        assertThat(verdict).isInstanceOf(Verification.Rejected.class);
        return ((Verification.Rejected) verdict).reason();
    }

    private void assertRejected(String caseName, Consumer<ObjectNode> tamper, String reason) throws Exception {
        assertThat(rejection(caseName, tamper, Corpora.require(SUITE + "a.txt")))
                .contains(reason);
    }

    private static ObjectNode entry(ObjectNode bundle) {
        return (ObjectNode)
                bundle.with("verificationMaterial").withArray("tlogEntries").get(0);
    }

    private static ObjectNode proof(ObjectNode bundle) {
        return entry(bundle).with("inclusionProof");
    }

    private static void flip(ObjectNode node, String field, int index) {
        byte[] bytes = Base64.getDecoder().decode(node.get(field).asText());
        bytes[index] ^= 0x01;
        node.put(field, Base64.getEncoder().encodeToString(bytes));
    }

    private static void flipLast(ObjectNode node, String field) {
        byte[] bytes = Base64.getDecoder().decode(node.get(field).asText());
        bytes[bytes.length - 1] ^= 0x01;
        node.put(field, Base64.getEncoder().encodeToString(bytes));
    }

    private static void flipArrayItem(ObjectNode node, String field, int item) {
        JsonNode array = node.get(field);
        byte[] bytes = Base64.getDecoder().decode(array.get(item).asText());
        bytes[7] ^= 0x01;
        node.withArray(field).set(item, node.textNode(Base64.getEncoder().encodeToString(bytes)));
    }

    /** Flips a byte of the log's signature line, or of the root hash line (then re-encoded). */
    private static void tamperCheckpoint(ObjectNode bundle, boolean signature) {
        ObjectNode checkpoint = proof(bundle).with("checkpoint");
        String[] lines = checkpoint.get("envelope").asText().split("\n", -1);
        int line = signature ? 4 : 2;
        String[] parts = lines[line].split(" ");
        int last = parts.length - 1;
        byte[] bytes = Base64.getDecoder().decode(parts[last]);
        bytes[bytes.length - 1] ^= 0x01;
        parts[last] = Base64.getEncoder().encodeToString(bytes);
        lines[line] = String.join(" ", parts);
        checkpoint.put("envelope", String.join("\n", lines));
    }
}
