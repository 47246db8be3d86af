package dev.assay.sign.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.attest.Predicate;
import dev.assay.sign.attest.SignedAttestation;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseSigner;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BlobSignerTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void verify_ofSign_isVerifiedBySignatureAndByBundle(KeyAlgorithm algorithm) throws IOException {
        KeyPair pair = KeyPairs.generate(algorithm);
        Path file = write("artifact.tar", "release 1.0\n");

        BlobSignature signed = BlobSigner.sign(file, pair.getPrivate(), pair.getPublic());

        assertThat(BlobVerifier.verifySignature(file, pair.getPublic(), signed.signature()))
                .isInstanceOf(Verification.Verified.class);
        assertThat(BlobVerifier.verifyBundle(
                        file, pair.getPublic(), signed.bundleJson().getBytes(StandardCharsets.UTF_8), "b.json"))
                .isInstanceOf(Verification.Verified.class);
        assertThat(signed.bundleJson())
                .contains("application/vnd.dev.sigstore.bundle.v0.3+json", "SHA2_256", "messageSignature");
    }

    @Test
    void verify_anyChangedByteOfFileSignatureOrDigest_isRejectedWithTheReason() throws IOException {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        Path file = write("artifact.tar", "release 1.0\n");
        BlobSignature signed = BlobSigner.sign(file, pair.getPrivate(), pair.getPublic());
        String bundle = signed.bundleJson();

        Path changed = write("changed.tar", "release 1.1\n");
        byte[] signature = signed.signature().clone();
        signature[signature.length - 1] ^= 0x01;
        byte[] digest = signed.sha256().clone();
        digest[0] ^= 0x01;
        String forgedDigest = bundle.replace(
                java.util.Base64.getEncoder().encodeToString(signed.sha256()),
                java.util.Base64.getEncoder().encodeToString(digest));

        assertThat(BlobVerifier.verifySignature(changed, pair.getPublic(), signed.signature()))
                .isEqualTo(new Verification.Rejected("the signature does not match the file and key"));
        assertThat(BlobVerifier.verifySignature(file, pair.getPublic(), signature))
                .isInstanceOf(Verification.Rejected.class);
        assertThat(BlobVerifier.verifyBundle(
                        file, pair.getPublic(), forgedDigest.getBytes(StandardCharsets.UTF_8), "b.json"))
                .isEqualTo(new Verification.Rejected("the file's SHA-256 differs from the bundle's message digest"));
        assertThat(BlobVerifier.verifySignature(
                        file, KeyPairs.generate(KeyAlgorithm.ECDSA_P256).getPublic(), signed.signature()))
                .isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void verifyBundle_malformedOrForeignDocuments_areInputErrors() throws IOException {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ED25519);
        Path file = write("artifact.tar", "x");
        String[] bundles = {
            "",
            "{",
            "[]",
            "{\"mediaType\":\"text/plain\"}",
            "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"dsseEnvelope\":{}}",
            "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"messageSignature\":{\"signature\":\"%%\"}}"
        };
        for (String bundle : bundles) {
            assertThatThrownBy(() -> BlobVerifier.verifyBundle(
                            file, pair.getPublic(), bundle.getBytes(StandardCharsets.UTF_8), "bad.json"))
                    .as(bundle)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void verifyBundle_dsseBundleNamingTheFile_isVerified_andAChangedFileIsNotASubject() throws IOException {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        Path file = write("artifact.tar", "release 1.0");
        byte[] bundle = SignedAttestation.sign(
                        List.of(Subject.ofFile(file)),
                        new Predicate(PredicateTypes.SLSA_PROVENANCE_V1, JsonNodeFactory.instance.objectNode()),
                        pair.getPrivate(),
                        pair.getPublic())
                .bundleJson()
                .getBytes(StandardCharsets.UTF_8);

        Verification before = BlobVerifier.verifyBundle(file, pair.getPublic(), bundle, "b.json");
        Files.writeString(file, "release 1.1", StandardCharsets.UTF_8);
        Verification after = BlobVerifier.verifyBundle(file, pair.getPublic(), bundle, "b.json");

        assertThat(before)
                .isInstanceOfSatisfying(
                        Verification.Verified.class,
                        v -> assertThat(v.detail()).contains("DSSE signature", "subject artifact.tar"));
        assertThat(after)
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        r -> assertThat(r.reason()).contains("artifact.tar (sha256:", "is not a subject"));
    }

    @Test
    void verifyBundle_dsseBundleOfAnotherPayloadType_isRejected() throws IOException {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ED25519);
        Path file = write("artifact.tar", "x");
        DsseEnvelope envelope = DsseSigner.sign(
                "text/plain", "x".getBytes(StandardCharsets.UTF_8), pair.getPrivate(), pair.getPublic());
        String bundle = "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"dsseEnvelope\":"
                + envelope.toJson() + "}";

        assertThat(BlobVerifier.verifyBundle(file, pair.getPublic(), bundle.getBytes(StandardCharsets.UTF_8), "b"))
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        r -> assertThat(r.reason()).contains("payloadType is 'text/plain'"));
    }

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
