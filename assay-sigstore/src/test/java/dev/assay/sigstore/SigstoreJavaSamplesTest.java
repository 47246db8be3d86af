package dev.assay.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.sign.Verification;
import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * sigstore-java's sample bundles against {@code artifact.txt}. Outcomes follow upstream's
 * KeylessVerifierTest (which verifies {@code bundle-no-digest} successfully, although the corpus notes list
 * it among the failures), each with the identity its certificate was issued to.
 */
class SigstoreJavaSamplesTest {
    private static final String SAMPLES = "sigstore/sigstore-java/samples/bundles";
    private static final String PRODUCTION = "sigstore/sigstore-java/trustroot/trusted_root.json";
    private static final String STAGING = "sigstore/sigstore-java/trustroot/staging_trusted_root.json";

    /**
     * The staging root as the conformance suite ships it, newer than sigstore-java's snapshot: it lists the
     * Rekor v2 log (log2025-alpha3) and the 2026 CT log that the Rekor v2 DSSE samples were made with.
     */
    private static final String NEWER_STAGING =
            "sigstore/sigstore-conformance/assets/bundle-verify/rekor2-dsse-happy-path/trusted_root.json";

    private static final String APPU = "appu@google.com";
    private static final String AARON = "aaronlew@google.com";
    private static final String SERVICE_ACCOUNT = "untrusted-sa@sigstore-conformance.iam.gserviceaccount.com";
    private static final String GOOGLE = "https://accounts.google.com";
    private static final String BEACON = ConformanceCase.DEFAULT_IDENTITY;
    private static final String ACTIONS = ConformanceCase.DEFAULT_ISSUER;
    private static final String AA_TEST =
            "https://github.com/loosebazooka/aa-test/.github/workflows/provenance.yaml" + "@refs/heads/main";

    /** @param failure the phrase the rejection must contain; null when the bundle must verify */
    record Sample(String file, String root, String identity, String issuer, String failure) {}

    private static final List<Sample> SAMPLES_TABLE = List.of(
            new Sample("bundle.sigstore", PRODUCTION, APPU, GOOGLE, null),
            new Sample("bundle.v1.sigstore", PRODUCTION, APPU, GOOGLE, null),
            new Sample("bundle.v2.sigstore", PRODUCTION, APPU, GOOGLE, null),
            new Sample("bundle.v3.sigstore", PRODUCTION, APPU, GOOGLE, null),
            new Sample("bundle.v3_1.sigstore", PRODUCTION, APPU, GOOGLE, null),
            new Sample("bundle-no-digest.sigstore", PRODUCTION, APPU, GOOGLE, null),
            new Sample("bundle.dsse.sigstore", PRODUCTION, AA_TEST, ACTIONS, null),
            new Sample("PKIX_ECDSA_P256_SHA_256.sigstore.json", PRODUCTION, SERVICE_ACCOUNT, GOOGLE, null),
            new Sample("PKIX_ECDSA_P384_SHA_384.sigstore.json", PRODUCTION, SERVICE_ACCOUNT, GOOGLE, null),
            new Sample("PKIX_ECDSA_P521_SHA_512.sigstore.json", PRODUCTION, SERVICE_ACCOUNT, GOOGLE, null),
            new Sample("PKIX_RSA_PKCS1V15_2048_SHA256.sigstore.json", PRODUCTION, SERVICE_ACCOUNT, GOOGLE, null),
            new Sample("PKIX_RSA_PKCS1V15_3072_SHA256.sigstore.json", PRODUCTION, SERVICE_ACCOUNT, GOOGLE, null),
            new Sample("PKIX_RSA_PKCS1V15_4096_SHA256.sigstore.json", PRODUCTION, SERVICE_ACCOUNT, GOOGLE, null),
            new Sample("bundle-with-timestamp.sigstore", STAGING, AARON, GOOGLE, null),
            new Sample("bundle-with-rekor-v2-entry.sigstore", STAGING, AARON, GOOGLE, null),
            new Sample("bundle.v1.no.inclusion.sigstore", PRODUCTION, APPU, GOOGLE, "no inclusion proof"),
            new Sample("bundle.v2.no.inclusion.sigstore", PRODUCTION, APPU, GOOGLE, "no inclusion proof"),
            new Sample("bundle.v3.no.inclusion.sigstore", PRODUCTION, APPU, GOOGLE, "no inclusion proof"),
            new Sample("bundle.v3_1.no.inclusion.sigstore", PRODUCTION, APPU, GOOGLE, "no inclusion proof"),
            new Sample(
                    "bundle-with-bad-checkpoint-signature.sigstore",
                    PRODUCTION,
                    BEACON,
                    ACTIONS,
                    "checkpoint signature does not verify"),
            new Sample(
                    "bundle-with-mismatched-set.sigstore",
                    PRODUCTION,
                    BEACON,
                    ACTIONS,
                    "signed entry timestamp (SET) does not verify"),
            new Sample(
                    "bundle-with-wrong-tlog-entry.sigstore",
                    PRODUCTION,
                    APPU,
                    GOOGLE,
                    "log entry records a different artifact"),
            new Sample(
                    "bundle-with-expired-cert.sigstore",
                    PRODUCTION,
                    SERVICE_ACCOUNT,
                    GOOGLE,
                    "is outside the signing certificate's validity"),
            new Sample(
                    "bundle.dsse.bad-signature.sigstore",
                    PRODUCTION,
                    AA_TEST,
                    ACTIONS,
                    "DSSE envelope's signature does not verify"),
            new Sample(
                    "bundle.dsse.mismatched-envelope.sigstore",
                    PRODUCTION,
                    BEACON,
                    ACTIONS,
                    "log entry records a different DSSE payload"),
            new Sample(
                    "bundle.dsse.mismatched-signature.sigstore",
                    PRODUCTION,
                    BEACON,
                    ACTIONS,
                    "log entry records a different signature"),
            new Sample(
                    "bundle.dsse.rekor-v2.bad-entry-type.sigstore",
                    STAGING,
                    AARON,
                    GOOGLE,
                    "unsupported transparency-log entry type dsse 0.0.2"),
            new Sample(
                    "bundle.dsse.rekor-v2.bad-signature.sigstore",
                    NEWER_STAGING,
                    BEACON,
                    ACTIONS,
                    "DSSE envelope's signature does not verify"),
            new Sample(
                    "bundle.dsse.rekor-v2.mismatched-envelope.sigstore",
                    NEWER_STAGING,
                    BEACON,
                    ACTIONS,
                    "log entry records a different DSSE envelope"),
            new Sample(
                    "bundle.dsse.rekor-v2.mismatched-signature.sigstore",
                    NEWER_STAGING,
                    BEACON,
                    ACTIONS,
                    "log entry records a different signature"),
            // Logged in the production Rekor v2 log (log2025-1), which sigstore-java's production snapshot
            // predates: against that snapshot it must fail for exactly that reason, and against a newer
            // production root (the public-good half of the GitHub trust bundle in the corpus) it verifies.
            new Sample(
                    "bundle.dsse.rekor-v2.sigstore",
                    PRODUCTION,
                    SERVICE_ACCOUNT,
                    GOOGLE,
                    "transparency log the trusted root does not know (log id zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A=)"));

    /** The first line of GitHub's trust bundle: the Sigstore public-good root, newer than the snapshot. */
    private static final String NEWER_PRODUCTION_BUNDLE = SAMPLES + "/github-private-no-tlog/trusted_root.jsonl";

    @Test
    void rekorV2ProductionBundle_verifiesAgainstANewerProductionRoot() throws IOException {
        Path samples = Corpora.require(SAMPLES);
        String publicGoodRoot =
                Files.readAllLines(Corpora.require(NEWER_PRODUCTION_BUNDLE)).get(0);

        Verification verdict = KeylessBundleVerifier.verify(
                samples.resolve("artifact.txt"),
                Files.readAllBytes(samples.resolve("bundle.dsse.rekor-v2.sigstore")),
                "bundle.dsse.rekor-v2.sigstore",
                TrustRoot.parse(publicGoodRoot.getBytes(java.nio.charset.StandardCharsets.UTF_8), "public-good root"),
                IdentityPolicy.exact(SERVICE_ACCOUNT, GOOGLE));

        assertThat(verdict).as(verdict.toString()).isInstanceOf(Verification.Verified.class);
    }

    @TestFactory
    Stream<DynamicTest> samples_verifyOrFailAsUpstreamExpects() {
        Path samples = Corpora.require(SAMPLES);
        return SAMPLES_TABLE.stream()
                .map(sample -> DynamicTest.dynamicTest(sample.file(), () -> {
                    Verification verdict = KeylessBundleVerifier.verify(
                            samples.resolve("artifact.txt"),
                            Files.readAllBytes(samples.resolve(sample.file())),
                            sample.file(),
                            TrustRoot.load(Corpora.require(sample.root())),
                            IdentityPolicy.exact(sample.identity(), sample.issuer()));
                    if (sample.failure() == null) {
                        assertThat(verdict).isInstanceOf(Verification.Verified.class);
                    } else {
                        assertThat(verdict).isInstanceOf(Verification.Rejected.class);
                        assertThat(((Verification.Rejected) verdict).reason()).contains(sample.failure());
                    }
                }));
    }

    @Test
    void table_coversEveryBundleOfTheCorpus() throws IOException {
        try (Stream<Path> files = Files.list(Corpora.require(SAMPLES))) {
            List<String> bundles = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.contains(".sigstore"))
                    .toList();
            assertThat(SAMPLES_TABLE.stream().map(Sample::file)).containsExactlyInAnyOrderElementsOf(bundles);
        }
    }
}
