package dev.assay.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.sign.Verification;
import dev.assay.sign.blob.BlobSigner;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.PublicKeys;
import dev.assay.testkit.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedKeyBundleVerifierTest {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify/";

    @TempDir
    Path temp;

    @Test
    void verify_offlineBundleWithoutLogEntry_isRejectedBecauseATrustRootAsksForTheLog() throws Exception {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        Path artifact = temp.resolve("app.tar");
        Files.writeString(artifact, "release\n", StandardCharsets.UTF_8);
        byte[] bundle = BlobSigner.sign(artifact, pair.getPrivate(), pair.getPublic())
                .bundleJson()
                .getBytes(StandardCharsets.UTF_8);

        Verification verdict =
                ManagedKeyBundleVerifier.verify(artifact, bundle, "app.tar.sigstore.json", root(), pair.getPublic());

        assertThat(verdict).isEqualTo(new Verification.Rejected("the bundle has no transparency-log entry"));
    }

    @Test
    void verify_keylessBundleWithAKey_isRejectedNamingTheMismatch() throws Exception {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        byte[] bundle = Files.readAllBytes(Corpora.require(SUITE + "happy-path-v0.3/bundle.sigstore.json"));

        Verification verdict = ManagedKeyBundleVerifier.verify(
                Corpora.require(SUITE + "a.txt"), bundle, "b", root(), pair.getPublic());

        assertThat(((Verification.Rejected) verdict).reason()).startsWith("the bundle carries a Fulcio certificate");
    }

    @Test
    void verify_managedKeyBundleWithItsKey_isVerifiedAndNamesTheLog() throws Exception {
        Path directory = Corpora.require(SUITE + "managed-key-happy-path");
        var key = PublicKeys.decode(Files.readString(directory.resolve("key.pub")), "key.pub");

        Verification verdict = ManagedKeyBundleVerifier.verify(
                Corpora.require(SUITE + "a.txt"),
                Files.readAllBytes(directory.resolve("bundle.sigstore.json")),
                "b",
                root(),
                key);

        assertThat(((Verification.Verified) verdict).detail())
                .contains("logged in https://rekor.sigstore.dev at index 771488337");
    }

    private static TrustRoot root() {
        return TrustRoot.load(Corpora.require("sigstore/sigstore-java/trustroot/trusted_root.json"));
    }
}
