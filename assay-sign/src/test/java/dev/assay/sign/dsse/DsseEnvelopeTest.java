package dev.assay.sign.dsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DsseEnvelopeTest {
    private static final byte[] PAYLOAD = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void encode_specExample_isTheSpecBytes() {
        // The worked example of the DSSE v1 protocol document.
        byte[] pae = PreAuthenticationEncoding.encode(
                "http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void encode_countsBytesNotCharacters() {
        byte[] pae = PreAuthenticationEncoding.encode("t", "é".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 2 é");
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void verify_ofSign_throughJson_isVerified(KeyAlgorithm algorithm) {
        KeyPair pair = KeyPairs.generate(algorithm);
        DsseEnvelope signed =
                DsseSigner.sign("application/vnd.in-toto+json", PAYLOAD, pair.getPrivate(), pair.getPublic());

        DsseEnvelope read = DsseEnvelope.parse(signed.toJson().getBytes(StandardCharsets.UTF_8), "e.json");

        assertThat(DsseVerifier.verify(read, pair.getPublic())).isInstanceOf(Verification.Verified.class);
        assertThat(read.payload()).isEqualTo(PAYLOAD);
        assertThat(read.signatures()).hasSize(1);
    }

    @Test
    void verify_changedPayloadTypePayloadOrSignature_isRejected() {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        DsseEnvelope signed =
                DsseSigner.sign("application/vnd.in-toto+json", PAYLOAD, pair.getPrivate(), pair.getPublic());
        byte[] payload = signed.payload();
        payload[3] ^= 0x01;
        byte[] signature = signed.signatures().get(0).signature();
        signature[signature.length - 1] ^= 0x01;

        DsseEnvelope otherType = new DsseEnvelope("text/plain", signed.payload(), signed.signatures());
        DsseEnvelope otherPayload = new DsseEnvelope(signed.payloadType(), payload, signed.signatures());
        DsseEnvelope otherSignature =
                new DsseEnvelope(signed.payloadType(), signed.payload(), List.of(new DsseSignature("", signature)));

        for (DsseEnvelope tampered : List.of(otherType, otherPayload, otherSignature)) {
            assertThat(DsseVerifier.verify(tampered, pair.getPublic()))
                    .isInstanceOfSatisfying(
                            Verification.Rejected.class,
                            r -> assertThat(r.reason()).contains("does not verify with key"));
        }
    }

    @Test
    void verify_withAnotherKey_isRejected() {
        KeyPair signer = KeyPairs.generate(KeyAlgorithm.ED25519);
        KeyPair other = KeyPairs.generate(KeyAlgorithm.ED25519);
        DsseEnvelope signed = DsseSigner.sign("t", PAYLOAD, signer.getPrivate(), signer.getPublic());

        assertThat(DsseVerifier.verify(signed, other.getPublic())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void verify_oneOfSeveralSignatures_isEnough() {
        KeyPair first = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        KeyPair second = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        DsseSignature a = DsseSigner.sign("t", PAYLOAD, first.getPrivate(), first.getPublic())
                .signatures()
                .get(0);
        DsseSignature b = DsseSigner.sign("t", PAYLOAD, second.getPrivate(), second.getPublic())
                .signatures()
                .get(0);

        DsseEnvelope both = new DsseEnvelope("t", PAYLOAD, List.of(a, b));

        assertThat(DsseVerifier.verify(both, second.getPublic())).isInstanceOf(Verification.Verified.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"AA==\"}]}",
                "{\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AA==\"}]}",
                "{\"payloadType\":\"t\",\"payload\":\"not base64!\",\"signatures\":[{\"sig\":\"AA==\"}]}",
                "{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[]}",
                "{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":7}]}",
                "{\"payloadType\":\"t\",\"payload\":\"e30=\",\"signatures\":[{\"keyid\":\"k\"",
                "\u00ff\u00fe garbage"
            })
    void parse_malformedEnvelope_isInvalidInputNamingTheFile(String json) {
        assertThatThrownBy(() -> DsseEnvelope.parse(json.getBytes(StandardCharsets.ISO_8859_1), "bad.dsse.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.dsse.json");
    }

    @Test
    void parse_deeplyNestedJson_isInvalidInput() {
        String nested = "[".repeat(100_000);

        assertThatThrownBy(() -> DsseEnvelope.parse(nested.getBytes(StandardCharsets.US_ASCII), "deep.json"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toJson_hasTheSpecFieldNames() {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        String json = DsseSigner.sign("t", PAYLOAD, pair.getPrivate(), pair.getPublic())
                .toJson();

        assertThat(json)
                .contains("\"payloadType\" : \"t\"", "\"keyid\"", "\"sig\"")
                .contains(Base64.getEncoder().encodeToString(PAYLOAD));
    }
}
