package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.sign.blob.BlobSigner;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.PublicKeys;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify blob} against Sigstore bundles as processes of the packaged CLI: conformance cases that
 * verify and fail with their exit codes, a missing trusted root, and sigstore-java kept off the class path
 * of every run that does not verify against a trusted root.
 */
class KeylessVerifyIT {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify/";
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String IDENTITY =
            "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
                    + ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";

    @TempDir
    Path temp;

    @Test
    void keyless_verifyingCase_exits0_andAFailingCaseExits1WithItsReason() throws Exception {
        Path suite = Corpora.require(SUITE);
        Result verified = keyless(suite.resolve("rekor2-dsse-happy-path"), suite.resolve("a.txt"));
        Result wrongRootHash = keyless(suite.resolve("checkpoint-wrong-roothash_fail"), suite.resolve("a.txt"));

        assertThat(verified.exitCode()).as(verified.output()).isEqualTo(ExitCodes.OK);
        assertThat(verified.output())
                .contains(
                        "assay: verified: keyless signature by '" + IDENTITY + "'",
                        "logged in https://log2025-alpha3.rekor.sigstage.dev");
        assertThat(wrongRootHash.exitCode()).as(wrongRootHash.output()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(wrongRootHash.output())
                .contains("assay: rejected: the inclusion proof's root hash does not match the checkpoint's")
                .doesNotContain("\tat ");
    }

    @Test
    void missingTrustedRoot_exits3() throws Exception {
        Path suite = Corpora.require(SUITE);
        Result result = assay(
                List.of(),
                "verify",
                "blob",
                suite.resolve("a.txt").toString(),
                "--bundle",
                suite.resolve("happy-path-v0.3/bundle.sigstore.json").toString(),
                "--trusted-root",
                temp.resolve("no-such-root.json").toString(),
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                ISSUER);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(result.output()).contains("trusted root " + temp.resolve("no-such-root.json") + " does not exist");
    }

    @Test
    void managedKeyWithTrustedRoot_verifiesTheLogEntryToo() throws Exception {
        Path suite = Corpora.require(SUITE);
        Path directory = suite.resolve("managed-key-and-trusted-root");
        Result result = assay(
                List.of(),
                "verify",
                "blob",
                suite.resolve("a.txt").toString(),
                "--bundle",
                directory.resolve("bundle.sigstore.json").toString(),
                "--key",
                directory.resolve("key.pub").toString(),
                "--trusted-root",
                directory.resolve("trusted_root.json").toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).contains("logged in https://rekor.sigstage.dev");
    }

    @Test
    void sigstoreJava_isLoadedOnlyWhenATrustedRootIsGiven() throws Exception {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        Path artifact = temp.resolve("app.tar");
        Files.writeString(artifact, "release\n", StandardCharsets.UTF_8);
        Path bundle = temp.resolve("app.tar.sigstore.json");
        Files.writeString(
                bundle,
                BlobSigner.sign(artifact, pair.getPrivate(), pair.getPublic()).bundleJson());
        Path key = temp.resolve("cosign.pub");
        Files.writeString(key, PublicKeys.encode(pair.getPublic()));
        Path keyOnlyLog = temp.resolve("key-only.classes");
        Path keylessLog = temp.resolve("keyless.classes");

        Result keyOnly = assay(
                List.of("-Xlog:class+load=info:file=" + keyOnlyLog),
                "verify",
                "blob",
                artifact.toString(),
                "--key",
                key.toString(),
                "--bundle",
                bundle.toString());
        Path suite = Corpora.require(SUITE);
        Result keyless = assay(
                List.of("-Xlog:class+load=info:file=" + keylessLog),
                "verify",
                "blob",
                suite.resolve("a.txt").toString(),
                "--bundle",
                suite.resolve("happy-path-v0.3/bundle.sigstore.json").toString(),
                "--trusted-root",
                Corpora.require("sigstore/sigstore-java/trustroot/trusted_root.json")
                        .toString(),
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                ISSUER);

        assertThat(keyOnly.exitCode()).as(keyOnly.output()).isEqualTo(ExitCodes.OK);
        assertThat(keyless.exitCode()).as(keyless.output()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(keyOnlyLog))
                .contains("dev.assay.sign.blob.BlobVerifier")
                .doesNotContain("dev.sigstore.", "dev.assay.sigstore.", "com.google.protobuf.");
        assertThat(Files.readString(keylessLog))
                .contains("dev.sigstore.fulcio.client.FulcioVerifier", "dev.assay.sigstore.KeylessBundleVerifier");
    }

    private Result keyless(Path directory, Path defaultArtifact) throws Exception {
        Path ownRoot = directory.resolve("trusted_root.json");
        Path root =
                Files.exists(ownRoot) ? ownRoot : Corpora.require("sigstore/sigstore-java/trustroot/trusted_root.json");
        Path artifact = Files.exists(directory.resolve("artifact")) ? directory.resolve("artifact") : defaultArtifact;
        return assay(
                List.of(),
                "verify",
                "blob",
                artifact.toString(),
                "--bundle",
                directory.resolve("bundle.sigstore.json").toString(),
                "--trusted-root",
                root.toString(),
                "--certificate-identity",
                IDENTITY,
                "--certificate-oidc-issuer",
                ISSUER);
    }

    private record Result(int exitCode, String output) {}

    private Result assay(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Path jar = ProjectRoot.require().resolve("assay-cli/target/assay.jar");
        assertThat(jar).as("packaged CLI").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .directory(temp.toFile())
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
