package dev.assay.sign.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
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

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
