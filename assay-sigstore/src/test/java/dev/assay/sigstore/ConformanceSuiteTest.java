package dev.assay.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The sigstore-conformance bundle-verify suite: every case verifies or fails as its name says, and every
 * failing case fails for the reason its README gives (a phrase of our reason, per case).
 */
class ConformanceSuiteTest {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify";

    /** The production root snapshot, used where a case ships no trusted root (upstream fetches it by TUF). */
    private static final String DEFAULT_ROOT = "sigstore/sigstore-java/trustroot/trusted_root.json";

    /** Each failing case and the phrase its rejection must contain, chosen from the case's README. */
    private static final Map<String, String> FAILURE_REASONS = new TreeMap<>(Map.ofEntries(
            Map.entry("bundle-empty-certificate-chain_fail", "x509CertificateChain is empty"),
            Map.entry("bundle-from-wrong-instance_fail", "does not chain to a Fulcio CA of the trusted root"),
            Map.entry("bundle-invalid-base64-signature_fail", "messageSignature.signature is not valid base64"),
            Map.entry("bundle-malformed-json_fail", "is not valid JSON"),
            Map.entry("bundle-negative-log-index_fail", "tlogEntries[0].logIndex is negative"),
            Map.entry("bundle-unknown-version_fail", "unsupported bundle media type"),
            Map.entry("bundle-with-root-cert_fail", "certificate chain contains a self-signed root certificate"),
            Map.entry("checkpoint-bad-keyhint_fail", "checkpoint signature's key hint does not match"),
            Map.entry("checkpoint-wrong-roothash_fail", "root hash does not match the checkpoint"),
            Map.entry("dsse-invalid-sig_fail", "DSSE envelope's signature does not verify"),
            Map.entry("dsse-mismatch-envelope_fail", "log entry records a different DSSE payload"),
            Map.entry("dsse-mismatch-sig_fail", "log entry records a different signature"),
            Map.entry("inclusion-proof-corrupted-hash_fail", "inclusion proof does not lead"),
            Map.entry("incorrect-public-key_fail", "log entry records a different signing certificate"),
            Map.entry(
                    "integrated-time-in-future_fail",
                    "integrated time (2026-05-07T15:34:11Z) is outside the signing" + " certificate's validity"),
            Map.entry(
                    "intoto-expired-certificate_fail",
                    "does not chain to a Fulcio CA of the trusted root: "
                            + "http://localhost:8000 (validity check failed)"),
            Map.entry("intoto-log-entry-mismatch_fail", "log entry records a different signature"),
            Map.entry("intoto-missing-inclusion-proof_fail", "no inclusion proof"),
            Map.entry(
                    "intoto-set-outside-signing-cert-validity_fail",
                    "integrated time (2023-02-02T00:00:00Z) is" + " outside the signing certificate's validity"),
            Map.entry(
                    "intoto-tsa-timestamp-outside-cert-validity_fail",
                    "RFC 3161 timestamp 1 (2023-02-02T00:00:00Z)" + " is outside the signing certificate's validity"),
            Map.entry("invalid-checkpoint-signature_fail", "checkpoint signature does not verify"),
            Map.entry("invalid-ct-key_fail", "no valid SCT"),
            Map.entry("invalid-inclusion-proof_fail", "inclusion proof does not lead"),
            Map.entry("managed-key-no-key_fail", "signed with a public key (managed key), not a Fulcio certificate"),
            Map.entry("managed-key-wrong-key_fail", "signature does not verify over the artifact with key"),
            Map.entry("message-digest-mismatch_fail", "artifact digest mismatch"),
            Map.entry(
                    "rekor2-checkpoint-missing-log-signature_fail",
                    "checkpoint is malformed: Checkpoint body must" + " contain at least one signature"),
            Map.entry("rekor2-checkpoint-missing-origin_fail", "checkpoint is malformed"),
            Map.entry("rekor2-checkpoint-missing-root-hash_fail", "checkpoint is malformed"),
            Map.entry("rekor2-checkpoint-missing-size_fail", "checkpoint is malformed"),
            Map.entry(
                    "rekor2-checkpoint-no-matching-signature_fail",
                    "checkpoint carries no signature from" + " transparency log log2025-alpha1.rekor.sigstage.dev"),
            Map.entry("rekor2-dsse-invalid-sig_fail", "DSSE envelope's signature does not verify"),
            Map.entry("rekor2-dsse-mismatch-envelope_fail", "log entry records a different DSSE envelope"),
            Map.entry("rekor2-dsse-mismatch-sig_fail", "log entry records a different signature"),
            Map.entry("rekor2-no-inclusion-proof_fail", "no inclusion proof"),
            Map.entry("rekor2-no-timestamp_fail", "no verified signing time"),
            Map.entry(
                    "rekor2-timestamp-outside-trust-root-tsa-validity_fail",
                    "outside the validity period the trusted" + " root gives its timestamp authority"),
            Map.entry(
                    "rekor2-timestamp-outside-tsa-cert-validity_fail", "certificate not valid when time stamp created"),
            Map.entry("rekor2-timestamp-payload-mismatch_fail", "covers a different signature"),
            Map.entry(
                    "rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail",
                    "not issued by a timestamp authority of" + " the trusted root"),
            Map.entry(
                    "rekor2-timestamp-untrusted-tsa-without-embedded-cert_fail",
                    "not issued by a timestamp authority" + " of the trusted root"),
            Map.entry(
                    "rekor2-timestamp-with-incorrect-time_fail",
                    "RFC 3161 timestamp 1 (2025-07-15T10:33:31Z) is" + " outside the signing certificate's validity"),
            Map.entry("set-invalid-signature_fail", "signed entry timestamp (SET) does not verify"),
            Map.entry("signature-mismatch_fail", "signature does not verify over the artifact"),
            Map.entry("trust-root-tlog-missing-validity-start_fail", "tlogs[1].publicKey.validFor.start is missing"),
            Map.entry("wrong-hashedrekord-artifact_fail", "log entry records a different artifact"),
            Map.entry("wrong-hashedrekord-cert-and-sig_fail", "log entry records a different signature"),
            Map.entry("wrong-hashedrekord-entry_fail", "log entry records a different artifact"),
            Map.entry("wrong-material_fail", "artifact digest mismatch")));

    @TestFactory
    Stream<DynamicTest> bundleVerify_everyCase_matchesItsNameAndReadme() throws IOException {
        Path suite = Corpora.require(SUITE);
        Path defaultRoot = Corpora.require(DEFAULT_ROOT);
        return cases(suite).stream().map(directory -> {
            ConformanceCase testCase =
                    new ConformanceCase(directory.getFileName().toString(), directory, suite, defaultRoot);
            return DynamicTest.dynamicTest(testCase.name(), () -> {
                ConformanceCase.Outcome outcome = testCase.run();
                if (testCase.mustFail()) {
                    assertThat(outcome.verified()).as(outcome.message()).isFalse();
                    assertThat(outcome.message()).contains(FAILURE_REASONS.get(testCase.name()));
                    assertThat(outcome.message()).doesNotContain("\tat ", "Exception");
                } else {
                    assertThat(outcome.verified()).as(outcome.message()).isTrue();
                }
            });
        });
    }

    @Test
    void suite_hasTheDocumentedCases_andEveryFailingCaseHasAReason() throws IOException {
        List<Path> cases = cases(Corpora.require(SUITE));
        List<String> failing = cases.stream()
                .map(path -> path.getFileName().toString())
                .filter(name -> name.endsWith("_fail"))
                .toList();

        assertThat(cases).hasSize(70);
        assertThat(failing).hasSize(49);
        assertThat(FAILURE_REASONS.keySet()).containsExactlyInAnyOrderElementsOf(failing);
    }

    private static List<Path> cases(Path suite) throws IOException {
        try (Stream<Path> entries = Files.list(suite)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }
}
