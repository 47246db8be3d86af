package dev.assay.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.sign.Verification;
import dev.assay.testkit.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The in-memory artifact route (what image verification uses: a payload or manifest fetched from a
 * registry) gives the same verdicts as the file route on the conformance corpus.
 */
class KeylessInMemoryArtifactTest {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify/";
    private static final String ROOT = "sigstore/sigstore-java/trustroot/trusted_root.json";

    private static Verification verify(String bundleCase, byte[] artifact, IdentityPolicy identity) throws Exception {
        byte[] bundle = Files.readAllBytes(Corpora.require(SUITE + bundleCase + "/bundle.sigstore.json"));
        return KeylessBundleVerifier.verify(
                artifact, "artifact", bundle, bundleCase, TrustRoot.load(Corpora.require(ROOT)), identity);
    }

    private static IdentityPolicy expected() {
        return IdentityPolicy.exact(ConformanceCase.DEFAULT_IDENTITY, ConformanceCase.DEFAULT_ISSUER);
    }

    @Test
    void verify_messageSignatureOverBytes_verifiesLikeTheFile() throws Exception {
        Path file = Corpora.require(SUITE + "a.txt");

        Verification fromBytes = verify("happy-path-v0.3", Files.readAllBytes(file), expected());

        assertThat(fromBytes).isInstanceOf(Verification.Verified.class);
        assertThat(fromBytes)
                .isEqualTo(KeylessBundleVerifier.verify(
                        file,
                        Files.readAllBytes(Corpora.require(SUITE + "happy-path-v0.3/bundle.sigstore.json")),
                        "happy-path-v0.3",
                        TrustRoot.load(Corpora.require(ROOT)),
                        expected()));
    }

    @Test
    void verify_dsseOverBytes_checksTheSubjectDigest() throws Exception {
        byte[] artifact = Files.readAllBytes(Corpora.require(SUITE + "a.txt"));

        assertThat(verify("happy-path-intoto-in-dsse-v3", artifact, expected()))
                .isInstanceOf(Verification.Verified.class);
        assertThat(verify(
                        "happy-path-intoto-in-dsse-v3",
                        "other".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        expected()))
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason()).startsWith("artifact digest mismatch"));
    }

    @Test
    void verify_changedByte_isRejected() throws Exception {
        byte[] artifact = Files.readAllBytes(Corpora.require(SUITE + "a.txt"));
        artifact[0] ^= 1;

        assertThat(verify("happy-path-v0.3", artifact, expected())).isInstanceOf(Verification.Rejected.class);
    }
}
