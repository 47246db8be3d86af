package dev.assay.sign.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageSignatureVerifierTest {
    private static final String IMAGE = "sha256:" + "a".repeat(64);
    private static final String OTHER = "sha256:" + "b".repeat(64);
    private static final KeyPair KEYS = KeyPairs.generate(KeyAlgorithm.values()[0]);

    private static SignedPayload signed(String digest) {
        return ImageSigner.sign(
                new SimpleSigningPayload("127.0.0.1:5000/app", digest, Map.of("build", "42")),
                KEYS.getPrivate(),
                KEYS.getPublic());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void verifySignature_ownPayloadAndDigest_isVerified(KeyAlgorithm algorithm) {
        KeyPair keys = KeyPairs.generate(algorithm);
        SignedPayload signed = ImageSigner.sign(
                new SimpleSigningPayload("r/app", IMAGE, Map.of()), keys.getPrivate(), keys.getPublic());

        Verification verdict =
                ImageSignatureVerifier.verifySignature(signed.payload(), signed.signature(), keys.getPublic(), IMAGE);

        assertThat(verdict).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void payload_isCosignsSimpleSigningShape() {
        String json = new String(signed(IMAGE).payload(), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"critical\":{\"identity\":{\"docker-reference\":\"127.0.0.1:5000/app\"},"
                        + "\"image\":{\"docker-manifest-digest\":\"" + IMAGE + "\"},"
                        + "\"type\":\"cosign container image signature\"},\"optional\":{\"build\":\"42\"}}");
        assertThat(SimpleSigningPayload.parse(json.getBytes(StandardCharsets.UTF_8), "p")
                        .annotations())
                .containsEntry("build", "42");
    }

    @Test
    void verifySignature_otherKey_isRejectedNamingTheKey() {
        KeyPair other = KeyPairs.generate(KeyAlgorithm.values()[0]);
        SignedPayload signed = signed(IMAGE);

        Verification verdict =
                ImageSignatureVerifier.verifySignature(signed.payload(), signed.signature(), other.getPublic(), IMAGE);

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason()).startsWith("signature does not verify with the key"));
    }

    @Test
    void verifySignature_tamperedPayload_isRejected() {
        SignedPayload signed = signed(IMAGE);
        byte[] tampered = new String(signed.payload(), StandardCharsets.UTF_8)
                .replace("42", "43")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ImageSignatureVerifier.verifySignature(tampered, signed.signature(), KEYS.getPublic(), IMAGE))
                .isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void verifySignature_signatureOfAnotherImage_isRejectedNamingBothDigests() {
        SignedPayload signed = signed(OTHER);

        Verification verdict =
                ImageSignatureVerifier.verifySignature(signed.payload(), signed.signature(), KEYS.getPublic(), IMAGE);

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("signature covers " + OTHER + ", not the image " + IMAGE));
    }

    @Test
    void verifyBundle_messageSignatureBundle_roundTripsAndChecksItsDigest() {
        SignedPayload signed = signed(IMAGE);
        SignatureBundle bundle = SignatureBundle.parse(signed.bundleJson().getBytes(StandardCharsets.UTF_8), "bundle");

        assertThat(bundle).isInstanceOf(SignatureBundle.MessageSignature.class);
        SignatureBundle.MessageSignature message = (SignatureBundle.MessageSignature) bundle;
        assertThat(ImageSignatureVerifier.verifyBundle(message, signed.payload(), KEYS.getPublic(), IMAGE))
                .isInstanceOf(Verification.Verified.class);
        assertThat(ImageSignatureVerifier.verifyBundle(message, signed(OTHER).payload(), KEYS.getPublic(), IMAGE))
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("message digest does not match"));
    }

    @Test
    void verifyAttestation_checksSignatureSubjectAndType() {
        Statement statement = Statement.of(
                List.of(new Subject("127.0.0.1:5000/app", Map.of("sha256", IMAGE.substring(7)))),
                PredicateTypes.SLSA_PROVENANCE_V1,
                JsonNodeFactory.instance.objectNode().put("buildType", "x"));
        var attestation = dev.assay.sign.attest.SignedAttestation.sign(statement, KEYS.getPrivate(), KEYS.getPublic());
        DsseEnvelope envelope = attestation.envelope();
        SignatureBundle bundle = SignatureBundle.parse(attestation.bundleJson().getBytes(StandardCharsets.UTF_8), "b");

        assertThat(bundle).isInstanceOf(SignatureBundle.Dsse.class);
        assertThat(ImageSignatureVerifier.verifyAttestation(
                                envelope, KEYS.getPublic(), IMAGE, PredicateTypes.accepted("slsaprovenance"))
                        .verification())
                .isInstanceOf(Verification.Verified.class);
        assertThat(ImageSignatureVerifier.verifyAttestation(
                                envelope, KEYS.getPublic(), IMAGE, PredicateTypes.accepted("cyclonedx"))
                        .verification())
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .startsWith("attestation has predicate type https://slsa.dev/provenance/v1, not"));
        assertThat(ImageSignatureVerifier.verifyAttestation(envelope, KEYS.getPublic(), OTHER, List.of())
                        .verification())
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("attestation is about [" + IMAGE + "], not the image " + OTHER));
        KeyPair other = KeyPairs.generate(KeyAlgorithm.values()[0]);
        assertThat(ImageSignatureVerifier.verifyAttestation(envelope, other.getPublic(), IMAGE, List.of())
                        .verification())
                .isInstanceOf(Verification.Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"critical\":{\"type\":\"something else\"}}",
                "{\"critical\":{\"type\":\"cosign container image signature\",\"image\":{}}}",
                "{\"critical\":{\"type\":\"cosign container image signature\",\"image\":{\"docker-manifest-digest\":7}}}"
            })
    void parse_hostilePayload_isATypedError(String payload) {
        assertThatThrownBy(() -> SimpleSigningPayload.parse(payload.getBytes(StandardCharsets.UTF_8), "payload"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void verifySignature_validSignatureOverANonPayload_isRejectedNotThrown() {
        byte[] junk = "{\"critical\":{}}".getBytes(StandardCharsets.UTF_8);
        SignedPayload signedJunk = new SignedPayload(junk, sign(junk), "h");

        assertThat(ImageSignatureVerifier.verifySignature(junk, signedJunk.signature(), KEYS.getPublic(), IMAGE))
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("not a cosign image signature payload"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nope",
                "{\"mediaType\":\"x\"}",
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"}",
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"messageSignature\":{\"signature\":1}}",
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"dsseEnvelope\":[]}"
            })
    void parseBundle_hostileInput_isATypedError(String bundle) {
        assertThatThrownBy(() -> SignatureBundle.parse(bundle.getBytes(StandardCharsets.UTF_8), "bundle"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tags_followCosignsScheme() {
        assertThat(CosignFormats.signatureTag(IMAGE)).isEqualTo("sha256-" + "a".repeat(64) + ".sig");
        assertThat(CosignFormats.attestationTag(IMAGE)).isEqualTo("sha256-" + "a".repeat(64) + ".att");
        assertThatThrownBy(() -> CosignFormats.signatureTag("sha256:../../x"))
                .isInstanceOf(InvalidInputException.class);
    }

    private static byte[] sign(byte[] bytes) {
        try {
            var signer =
                    java.security.Signature.getInstance(dev.assay.sign.keys.SignatureSchemes.forKey(KEYS.getPrivate()));
            signer.initSign(KEYS.getPrivate());
            signer.update(bytes);
            return signer.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
