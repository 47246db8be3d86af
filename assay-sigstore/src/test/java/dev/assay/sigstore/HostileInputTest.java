package dev.assay.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.Verification;
import dev.assay.testkit.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken and hostile bundles and trusted roots end in one typed, located error, never anything else. */
class HostileInputTest {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify/";
    private static final String ROOT = "sigstore/sigstore-java/trustroot/trusted_root.json";

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "null", "42", "\"bundle\"", "{\"mediaType\": 7}", "{\"a\":1}{\"b\":2}"})
    void malformedJson_isInvalidInput(String json) {
        BundleCheck check = corpusCheck();
        assertThatThrownBy(() -> check.verify(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("bundle.json");
    }

    @Test
    void hugeBundle_isRefusedBeforeParsing() {
        byte[] huge = new byte[BundleParser.MAX_BUNDLE_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');

        BundleCheck check = corpusCheck();
        assertThatThrownBy(() -> check.verify(huge))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("bundles over 16777216 bytes are refused");
    }

    @Test
    void deeplyNestedJson_isInvalidInput() {
        String nested = "{\"mediaType\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        BundleCheck check = corpusCheck();
        assertThatThrownBy(() -> check.verify(nested.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void invalidBase64_namesTheField() throws Exception {
        assertInvalid(
                b -> b.with("messageSignature").put("signature", "not*base64!"),
                "bundle.json: messageSignature.signature is not valid base64");
        assertInvalid(
                b -> b.with("verificationMaterial").with("certificate").put("rawBytes", "%%%"),
                "verificationMaterial.certificate.rawBytes is not valid base64");
        assertInvalid(
                b -> entry(b).put("canonicalizedBody", "@@"), "tlogEntries[0].canonicalizedBody is not valid base64");
    }

    @Test
    void wrongTypes_nameTheField() throws Exception {
        assertInvalid(b -> entry(b).putObject("logIndex"), "tlogEntries[0].logIndex is not an integer");
        assertInvalid(b -> entry(b).put("logIndex", "12x"), "tlogEntries[0].logIndex is not an integer: '12x'");
        assertInvalid(b -> entry(b).put("integratedTime", "-5"), "tlogEntries[0].integratedTime is negative");
        assertInvalid(
                b -> b.with("verificationMaterial").put("tlogEntries", "many"), "tlogEntries is not a JSON array");
        assertInvalid(b -> b.put("verificationMaterial", 3), "verificationMaterial is not a JSON object");
        assertInvalid(
                b -> entry(b).with("inclusionProof").put("hashes", 1), "inclusionProof.hashes is not a JSON array");
        assertInvalid(
                b -> entry(b).with("inclusionProof").with("checkpoint").put("envelope", 5),
                "inclusionProof.checkpoint.envelope is not a string");
        assertInvalid(
                b -> b.with("messageSignature").with("messageDigest").put("algorithm", "MD5"),
                "names an unsupported algorithm 'MD5'");
        assertInvalid(
                b -> b.with("verificationMaterial").with("certificate").put("rawBytes", "AAAA"),
                "verificationMaterial.certificate is not a DER X.509 certificate");
        assertInvalid(b -> b.putObject("dsseEnvelope"), "exactly one of messageSignature and dsseEnvelope");
        assertInvalid(b -> b.remove("messageSignature"), "exactly one of messageSignature and dsseEnvelope");
    }

    @Test
    void oversizedArrays_areRefused() throws Exception {
        assertInvalid(
                b -> {
                    var hashes = entry(b).with("inclusionProof").putArray("hashes");
                    for (int i = 0; i < 65; i++) {
                        hashes.add("AAAA");
                    }
                },
                "inclusionProof.hashes has 65 elements; at most 64 are accepted");
    }

    @Test
    void missingTrustedRoot_isNoVerdict_andABrokenOneIsInvalidInput() throws Exception {
        assertThatThrownBy(() -> TrustRoot.load(temp.resolve("absent.json")))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TrustRoot.load(temp))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("cannot read trusted root");

        Path broken = temp.resolve("broken.json");
        Files.writeString(
                broken,
                "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\","
                        + "\"tlogs\":[{\"baseUrl\":\"https://x\",\"publicKey\":{\"rawBytes\":\"!!\",\"validFor\":{\"start\":"
                        + "\"2021-01-01T00:00:00Z\"}}}]}");
        assertThatThrownBy(() -> TrustRoot.load(broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(broken + " is not a valid trusted root");
        Files.writeString(broken, "{\"mediaType\":\"application/json\"}");
        assertThatThrownBy(() -> TrustRoot.load(broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a Sigstore trusted root");
        Files.writeString(broken, "[");
        assertThatThrownBy(() -> TrustRoot.load(broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not valid JSON");
    }

    /**
     * Random byte changes to a verifying bundle, seeded so a failure replays: each run ends in a verdict or
     * an {@link InvalidInputException}; a change that still verifies must have left the evidence intact.
     */
    @Test
    void randomByteChanges_endInAVerdictOrATypedError() throws Exception {
        TrustRoot root = TrustRoot.load(Corpora.require(ROOT));
        Path directory = Corpora.require(SUITE + "happy-path-v0.3");
        byte[] original = Files.readAllBytes(directory.resolve("bundle.sigstore.json"));
        Random random = new Random(20261204L);
        int verdicts = 0;
        for (int i = 0; i < 400; i++) {
            byte[] mutated = original.clone();
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                mutated[random.nextInt(mutated.length)] = (byte) (32 + random.nextInt(95));
            }
            try {
                Verification verdict = KeylessBundleVerifier.verify(
                        Corpora.require(SUITE + "a.txt"),
                        mutated,
                        "mutant-" + i,
                        root,
                        IdentityPolicy.exact(ConformanceCase.DEFAULT_IDENTITY, ConformanceCase.DEFAULT_ISSUER));
                verdicts++;
                if (verdict instanceof Verification.Rejected rejected) {
                    assertThat(rejected.reason()).isNotBlank().doesNotContain("\n\tat ");
                }
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).startsWith("mutant-" + i).doesNotContain("\n\tat ");
            }
        }
        assertThat(verdicts).as("mutants that parsed and got a verdict").isPositive();
    }

    private static ObjectNode entry(ObjectNode bundle) {
        return (ObjectNode)
                bundle.with("verificationMaterial").withArray("tlogEntries").get(0);
    }

    private void assertInvalid(Consumer<ObjectNode> tamper, String message) throws Exception {
        ObjectNode bundle = (ObjectNode) SafeJson.read(
                Files.readAllBytes(Corpora.require(SUITE + "rekor2-happy-path/bundle.sigstore.json")), "b");
        tamper.accept(bundle);
        BundleCheck check = corpusCheck();
        assertThatThrownBy(() -> check.verify(bundle.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @FunctionalInterface
    private interface BundleCheck {
        Verification verify(byte[] bundle);
    }

    /**
     * Resolves the corpus files before any assertion lambda runs, so that a missing corpus skips the test
     * instead of being caught as the "thrown" exception.
     */
    private static BundleCheck corpusCheck() {
        Path artifact = Corpora.require(SUITE + "a.txt");
        TrustRoot root = TrustRoot.load(Corpora.require(SUITE + "rekor2-happy-path/trusted_root.json"));
        return bundle -> KeylessBundleVerifier.verify(
                artifact,
                bundle,
                "bundle.json",
                root,
                IdentityPolicy.exact(ConformanceCase.DEFAULT_IDENTITY, ConformanceCase.DEFAULT_ISSUER));
    }
}
