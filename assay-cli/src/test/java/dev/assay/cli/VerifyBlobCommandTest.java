package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.testkit.Corpora;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flag combinations of {@code verify blob}, in process: each incomplete one is a usage error saying what to add. */
class VerifyBlobCommandTest {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify/";
    private static final String ROOT = "sigstore/sigstore-java/trustroot/trusted_root.json";
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String IDENTITY =
            "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
                    + ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";

    @TempDir
    Path temp;

    @Test
    void noKeyAndNoTrustedRoot_isAUsageErrorNamingBothWays() {
        CliRun run = CliRun.of("verify", "blob", "a.txt", "--bundle", "b.json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err())
                .contains("give --key PUB for a managed-key signature, or --trusted-root ROOT with"
                        + " --certificate-identity");
    }

    @Test
    void keylessWithoutIssuerOrIdentity_isAUsageError() {
        CliRun noIssuer = CliRun.of(
                "verify",
                "blob",
                "a.txt",
                "--bundle",
                "b.json",
                "--trusted-root",
                "r.json",
                "--certificate-identity",
                IDENTITY);
        CliRun noIdentity = CliRun.of(
                "verify",
                "blob",
                "a.txt",
                "--bundle",
                "b.json",
                "--trusted-root",
                "r.json",
                "--certificate-oidc-issuer",
                ISSUER);
        CliRun noRoot = CliRun.of(
                "verify",
                "blob",
                "a.txt",
                "--bundle",
                "b.json",
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                ISSUER);

        assertThat(noIssuer.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noIssuer.err()).contains("keyless verification needs --certificate-oidc-issuer ISSUER");
        assertThat(noIdentity.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noIdentity.err())
                .contains("needs the expected signer: --certificate-identity ID or"
                        + " --certificate-identity-regexp RE");
        assertThat(noRoot.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noRoot.err()).contains("keyless verification needs --trusted-root ROOT");
    }

    @Test
    void conflictingFlags_areUsageErrors() {
        CliRun bothIdentities = CliRun.of(
                "verify",
                "blob",
                "a.txt",
                "--bundle",
                "b.json",
                "--trusted-root",
                "r.json",
                "--certificate-identity",
                IDENTITY,
                "--certificate-identity-regexp",
                ".*",
                "--certificate-oidc-issuer",
                ISSUER);
        CliRun keyAndIdentity = CliRun.of(
                "verify", "blob", "a.txt", "--bundle", "b.json", "--key", "k.pub", "--certificate-identity", IDENTITY);
        CliRun signatureWithRoot = CliRun.of(
                "verify", "blob", "a.txt", "--signature", "a.sig", "--key", "k.pub", "--trusted-root", "r.json");

        assertThat(bothIdentities.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bothIdentities.err()).contains("mutually exclusive");
        assertThat(keyAndIdentity.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(keyAndIdentity.err()).contains("they do not apply with --key");
        assertThat(signatureWithRoot.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(signatureWithRoot.err()).contains("a detached --signature has none");
    }

    @Test
    void keyless_conformanceHappyPath_verifies_andAWrongIssuerIsRejected() {
        Path suite = Corpora.require(SUITE);
        String root = Corpora.require(ROOT).toString();
        String artifact = suite.resolve("a.txt").toString();
        String bundle = suite.resolve("happy-path-v0.2/bundle.sigstore.json").toString();

        CliRun verified = CliRun.of(
                "verify",
                "blob",
                artifact,
                "--bundle",
                bundle,
                "--trusted-root",
                root,
                "--certificate-identity-regexp",
                "https://github\\.com/sigstore-conformance/.*",
                "--certificate-oidc-issuer",
                ISSUER);
        CliRun rejected = CliRun.of(
                "verify",
                "blob",
                artifact,
                "--bundle",
                bundle,
                "--trusted-root",
                root,
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                "https://accounts.google.com");

        assertThat(verified.exitCode()).as(verified.err()).isEqualTo(ExitCodes.OK);
        assertThat(verified.err()).contains("assay: verified: keyless signature by '" + IDENTITY + "'");
        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(rejected.err()).contains("assay: rejected: certificate OIDC issuer '" + ISSUER + "' does not match");
    }

    @Test
    void malformedBundle_isExit2_andAMissingTrustedRootIsExit3() {
        Path suite = Corpora.require(SUITE);
        String artifact = suite.resolve("a.txt").toString();

        CliRun malformed = CliRun.of(
                "verify",
                "blob",
                artifact,
                "--bundle",
                suite.resolve("bundle-malformed-json_fail/bundle.sigstore.json").toString(),
                "--trusted-root",
                Corpora.require(ROOT).toString(),
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                ISSUER);
        CliRun noRoot = CliRun.of(
                "verify",
                "blob",
                artifact,
                "--bundle",
                suite.resolve("happy-path-v0.2/bundle.sigstore.json").toString(),
                "--trusted-root",
                temp.resolve("missing.json").toString(),
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                ISSUER);
        CliRun badPattern = CliRun.of(
                "verify",
                "blob",
                artifact,
                "--bundle",
                suite.resolve("happy-path-v0.2/bundle.sigstore.json").toString(),
                "--trusted-root",
                Corpora.require(ROOT).toString(),
                "--certificate-identity-regexp",
                "(",
                "--certificate-oidc-issuer",
                ISSUER);

        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(malformed.err())
                .contains("bundle.sigstore.json is not valid JSON")
                .doesNotContain("\tat ");
        assertThat(noRoot.exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(noRoot.err()).contains("missing.json does not exist");
        assertThat(badPattern.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badPattern.err()).contains("not a valid regular expression");
    }
}
