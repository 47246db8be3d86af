package dev.assay.sign.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.Verification;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseSignature;
import dev.assay.sign.dsse.DsseSigner;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.SignatureSchemes;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tamper matrix: one change per signed or checked field, each rejected with the reason of that field,
 * and malformed envelopes and bundles refused as input errors.
 */
class AttestationVerifierTest {
    private static final KeyPair KEYS = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final ExpectedSubject ARTIFACT = new ExpectedSubject("app.tar", SHA);
    private static final AttestationExpectations SBOM_OF_ARTIFACT =
            new AttestationExpectations(PredicateTypes.accepted("cyclonedx"), List.of(ARTIFACT));

    private static SignedAttestation sbomAttestation(String subjectSha256, String predicateType) {
        ObjectNode predicate = JsonNodeFactory.instance.objectNode().put("bomFormat", "CycloneDX");
        return SignedAttestation.sign(
                Statement.of(
                        List.of(new Subject("app.tar", Map.of("sha256", subjectSha256))), predicateType, predicate),
                KEYS.getPrivate(),
                KEYS.getPublic());
    }

    private static String reason(AttestationResult result) {
        assertThat(result.verifiedStatement()).isEmpty();
        return ((Verification.Rejected) result.verification()).reason();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void verify_untouched_isVerifiedWithTheStatement(KeyAlgorithm algorithm) {
        KeyPair keys = KeyPairs.generate(algorithm);
        SignedAttestation signed = SignedAttestation.sign(
                List.of(new Subject("app.tar", Map.of("sha256", SHA))),
                new Predicate(PredicateTypes.CYCLONEDX, JsonNodeFactory.instance.objectNode()),
                keys.getPrivate(),
                keys.getPublic());

        AttestationResult result = AttestationVerifier.verify(signed.envelope(), keys.getPublic(), SBOM_OF_ARTIFACT);

        assertThat(result.verification())
                .isInstanceOfSatisfying(
                        Verification.Verified.class,
                        v -> assertThat(v.detail())
                                .contains(
                                        "DSSE signature by key",
                                        "predicate https://cyclonedx.org/bom",
                                        "subject app.tar"));
        assertThat(result.verifiedStatement())
                .hasValueSatisfying(s -> assertThat(s.predicateType()).isEqualTo(PredicateTypes.CYCLONEDX));
    }

    @Test
    void verify_flippedPayloadByte_isASignatureFailure() {
        DsseEnvelope envelope = sbomAttestation(SHA, PredicateTypes.CYCLONEDX).envelope();
        byte[] payload = envelope.payload();
        payload[payload.length / 2] ^= 0x01;

        String reason = reason(AttestationVerifier.verify(
                new DsseEnvelope(envelope.payloadType(), payload, envelope.signatures()),
                KEYS.getPublic(),
                SBOM_OF_ARTIFACT));

        assertThat(reason).contains("signature does not verify");
    }

    @Test
    void verify_flippedPayloadTypeByte_isRejectedForThePayloadType() {
        DsseEnvelope envelope = sbomAttestation(SHA, PredicateTypes.CYCLONEDX).envelope();

        String reason = reason(AttestationVerifier.verify(
                new DsseEnvelope("application/vnd.in-toto+jsoN", envelope.payload(), envelope.signatures()),
                KEYS.getPublic(),
                SBOM_OF_ARTIFACT));

        assertThat(reason).contains("payloadType is 'application/vnd.in-toto+jsoN'", "not an in-toto statement");
    }

    @Test
    void verify_validlySignedOtherPayloadType_isRejectedForThePayloadType() {
        DsseEnvelope other = DsseSigner.sign(
                "text/plain", "{}".getBytes(StandardCharsets.UTF_8), KEYS.getPrivate(), KEYS.getPublic());

        assertThat(reason(AttestationVerifier.verify(other, KEYS.getPublic(), SBOM_OF_ARTIFACT)))
                .contains("payloadType is 'text/plain'");
    }

    @Test
    void verify_flippedSignatureByte_isASignatureFailure() {
        DsseEnvelope envelope = sbomAttestation(SHA, PredicateTypes.CYCLONEDX).envelope();
        byte[] signature = envelope.signatures().get(0).signature();
        signature[signature.length - 1] ^= 0x01;

        String reason = reason(AttestationVerifier.verify(
                new DsseEnvelope(
                        envelope.payloadType(), envelope.payload(), List.of(new DsseSignature("k", signature))),
                KEYS.getPublic(),
                SBOM_OF_ARTIFACT));

        assertThat(reason).contains("signature does not verify with key");
    }

    @Test
    void verify_anotherKey_isASignatureFailure() {
        DsseEnvelope envelope = sbomAttestation(SHA, PredicateTypes.CYCLONEDX).envelope();

        assertThat(reason(AttestationVerifier.verify(
                        envelope, KeyPairs.generate(KeyAlgorithm.ECDSA_P256).getPublic(), SBOM_OF_ARTIFACT)))
                .contains("does not verify");
    }

    @Test
    void verify_otherSubjectDigest_isRejectedNamingTheArtifactAndTheSubjects() {
        String other = "0".repeat(63) + "1";
        DsseEnvelope envelope = sbomAttestation(other, PredicateTypes.CYCLONEDX).envelope();

        String reason = reason(AttestationVerifier.verify(envelope, KEYS.getPublic(), SBOM_OF_ARTIFACT));

        assertThat(reason).contains("app.tar (sha256:" + SHA + ") is not a subject", "sha256:" + other);
    }

    @Test
    void verify_otherPredicateType_isRejectedNamingBoth() {
        DsseEnvelope envelope = sbomAttestation(SHA, PredicateTypes.SPDX).envelope();

        assertThat(reason(AttestationVerifier.verify(envelope, KEYS.getPublic(), SBOM_OF_ARTIFACT)))
                .contains("predicate type is 'https://spdx.dev/Document'", "expected https://cyclonedx.org/bom");
    }

    @Test
    void verify_flippedPredicateTypeByteInTheEnvelope_isASignatureFailure() {
        DsseEnvelope envelope = sbomAttestation(SHA, PredicateTypes.CYCLONEDX).envelope();
        String payload = new String(envelope.payload(), StandardCharsets.UTF_8)
                .replace("cyclonedx.org/bom", "cyclonedx.org/boM");

        assertThat(reason(AttestationVerifier.verify(
                        new DsseEnvelope(
                                envelope.payloadType(),
                                payload.getBytes(StandardCharsets.UTF_8),
                                envelope.signatures()),
                        KEYS.getPublic(),
                        SBOM_OF_ARTIFACT)))
                .contains("signature does not verify");
    }

    @Test
    void verify_signedPayloadThatIsNotAStatement_isInvalidInput() {
        DsseEnvelope junk = DsseSigner.sign(
                Statement.PAYLOAD_TYPE,
                "[1,2,3]".getBytes(StandardCharsets.UTF_8),
                KEYS.getPrivate(),
                KEYS.getPublic());

        assertThatThrownBy(() -> AttestationVerifier.verify(junk, KEYS.getPublic(), SBOM_OF_ARTIFACT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an in-toto Statement");
    }

    @Test
    void verify_anySubjectOfMany_andEveryExpectedSubjectMustBeThere() {
        String second = "1".repeat(64);
        Statement statement = Statement.of(
                List.of(new Subject("a", Map.of("sha256", SHA)), new Subject("b", Map.of("sha256", second))),
                PredicateTypes.CYCLONEDX,
                JsonNodeFactory.instance.objectNode());
        DsseEnvelope envelope = SignedAttestation.sign(statement, KEYS.getPrivate(), KEYS.getPublic())
                .envelope();

        assertThat(AttestationVerifier.verify(
                                envelope,
                                KEYS.getPublic(),
                                new AttestationExpectations(
                                        List.of(), List.of(new ExpectedSubject("b", second), ARTIFACT)))
                        .isVerified())
                .isTrue();
        assertThat(reason(AttestationVerifier.verify(
                        envelope,
                        KEYS.getPublic(),
                        new AttestationExpectations(
                                List.of(), List.of(ARTIFACT, new ExpectedSubject("c", "2".repeat(64)))))))
                .contains("c (sha256:" + "2".repeat(64) + ") is not a subject");
    }

    @Test
    void bundleJson_carriesTheEnvelopeAndTheKeyHintWithoutTlog() {
        SignedAttestation signed = sbomAttestation(SHA, PredicateTypes.CYCLONEDX);

        JsonNode bundle = SafeJson.read(signed.bundleJson().getBytes(StandardCharsets.UTF_8), "bundle");

        assertThat(bundle.path("mediaType").asText()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
        assertThat(bundle.at("/verificationMaterial/publicKey/hint").asText())
                .isEqualTo(SignatureSchemes.keyHint(KEYS.getPublic()));
        assertThat(bundle.at("/verificationMaterial/tlogEntries").isEmpty()).isTrue();
        assertThat(bundle.at("/dsseEnvelope/payloadType").asText()).isEqualTo(Statement.PAYLOAD_TYPE);
        assertThat(Base64.getDecoder().decode(bundle.at("/dsseEnvelope/payload").asText()))
                .isEqualTo(signed.envelope().payload());
        assertThat(bundle.at("/dsseEnvelope/signatures/0/sig").isTextual()).isTrue();
        assertThat(bundle.has("messageSignature")).isFalse();
    }

    @Test
    void envelope_fromBundleOrBareEnvelope_isTheSame() {
        SignedAttestation signed = sbomAttestation(SHA, PredicateTypes.CYCLONEDX);

        DsseEnvelope fromBundle =
                AttestationDocuments.envelope(signed.bundleJson().getBytes(StandardCharsets.UTF_8), "b.json");
        DsseEnvelope fromEnvelope =
                AttestationDocuments.envelope(signed.envelopeJson().getBytes(StandardCharsets.UTF_8), "e.json");

        assertThat(fromBundle.payload()).isEqualTo(fromEnvelope.payload());
        assertThat(AttestationVerifier.verify(fromBundle, KEYS.getPublic(), SBOM_OF_ARTIFACT)
                        .isVerified())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"messageSignature\":{}}",
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"dsseEnvelope\":[]}",
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"dsseEnvelope\":{\"payloadType\":\"t\"}}",
                "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"dsseEnvelope\":"
                        + "{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"%%%\"}]}}",
                "{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":null}",
                "\"just a string\"",
                "null",
                "{\"payloadType\":1e99999999,\"payload\":\"e30=\"}"
            })
    void envelope_malformedDocument_isInvalidInputNamingIt(String json) {
        assertThatThrownBy(() -> {
                    DsseEnvelope envelope =
                            AttestationDocuments.envelope(json.getBytes(StandardCharsets.UTF_8), "att.json");
                    // A document that parses must still fail verification as input, never pass.
                    AttestationVerifier.verify(envelope, KEYS.getPublic(), SBOM_OF_ARTIFACT);
                })
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("att.json");
    }

    @Test
    void envelope_hugeDeeplyNestedDocument_isInvalidInput() {
        byte[] nested = ("{\"a\":".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> AttestationDocuments.envelope(nested, "deep.json"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void verify_envelopePaddedWithSignatures_isInvalidInputBeforeAnyIsTried() {
        DsseEnvelope envelope = sbomAttestation(SHA, PredicateTypes.CYCLONEDX).envelope();
        DsseSignature junk = new DsseSignature("", envelope.signatures().get(0).signature());
        List<DsseSignature> many = java.util.Collections.nCopies(10_000, junk);

        assertThatThrownBy(() -> AttestationVerifier.verify(
                        new DsseEnvelope(envelope.payloadType(), envelope.payload(), many),
                        KEYS.getPublic(),
                        SBOM_OF_ARTIFACT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10000 signatures");
    }

    @Test
    void expectations_withoutSubjects_areRefused() {
        assertThatThrownBy(() -> new AttestationExpectations(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpectedSubject("x", "abc")).isInstanceOf(InvalidInputException.class);
    }
}
