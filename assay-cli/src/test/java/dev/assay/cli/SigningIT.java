package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.sign.keys.EncryptedPrivateKeys;
import dev.assay.sign.keys.PublicKeys;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keygen, sign blob and verify blob as processes of the packaged CLI, with the password in ASSAY_PASSWORD,
 * and openssl as an independent verifier of the signatures.
 */
class SigningIT {
    private static final String PASSWORD = "s3cret-for-tests";

    @TempDir
    Path temp;

    @Test
    void keygen_writesAnOwnerOnlyEncryptedKeyAndAPublicKeyThatRoundTrip() throws Exception {
        Result keygen =
                assay("keygen", "--output-prefix", temp.resolve("signer").toString(), "--algorithm", "ed25519");

        assertThat(keygen.exitCode()).as(keygen.output()).isZero();
        Path key = temp.resolve("signer.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(key)).doesNotContain(PASSWORD);
        var privateKey = EncryptedPrivateKeys.decrypt(Files.readString(key), PASSWORD.toCharArray(), "k");
        var publicKey = PublicKeys.decode(Files.readString(temp.resolve("signer.pub")), "p");
        assertThat(privateKey.getAlgorithm()).isEqualTo("EdDSA");
        assertThat(publicKey.getAlgorithm()).isEqualTo("EdDSA");
    }

    @Test
    void signBlob_verifiesWithAssayAndOpenssl_andATamperedFileIsRejected() throws Exception {
        assertThat(assay("keygen", "--output-prefix", temp.resolve("cosign").toString())
                        .exitCode())
                .isZero();
        Path artifact = temp.resolve("app.tar");
        Files.writeString(artifact, "release 1.0\n", StandardCharsets.UTF_8);
        Path bundle = temp.resolve("app.tar.sigstore.json");
        Path signature = temp.resolve("app.tar.sig");

        Result sign = assay(
                "sign",
                "blob",
                artifact.toString(),
                "--key",
                temp.resolve("cosign.key").toString(),
                "--bundle",
                bundle.toString(),
                "--signature",
                signature.toString());
        Result byBundle = assay(
                "verify",
                "blob",
                artifact.toString(),
                "--key",
                temp.resolve("cosign.pub").toString(),
                "--bundle",
                bundle.toString());
        Result bySignature = assay(
                "verify",
                "blob",
                artifact.toString(),
                "--key",
                temp.resolve("cosign.pub").toString(),
                "--signature",
                signature.toString());

        Path viaGlobalOutput = temp.resolve("app.tar.sig.out");
        Result signToOutput = assay(
                "sign",
                "blob",
                artifact.toString(),
                "--key",
                temp.resolve("cosign.key").toString(),
                "--output",
                viaGlobalOutput.toString());
        Result byGlobalOutput = assay(
                "verify",
                "blob",
                artifact.toString(),
                "--key",
                temp.resolve("cosign.pub").toString(),
                "--signature",
                viaGlobalOutput.toString());

        assertThat(sign.exitCode()).as(sign.output()).isZero();
        assertThat(signToOutput.exitCode()).as(signToOutput.output()).isZero();
        assertThat(byGlobalOutput.exitCode()).as(byGlobalOutput.output()).isZero();
        assertThat(byBundle.exitCode()).as(byBundle.output()).isZero();
        assertThat(byBundle.output()).contains("verified");
        assertThat(bySignature.exitCode()).as(bySignature.output()).isZero();

        // An independent verifier: openssl checks the ECDSA P-256 / SHA-256 signature over the file.
        Path der = temp.resolve("app.tar.sig.der");
        Files.write(der, Base64.getDecoder().decode(Files.readString(signature).strip()));
        Result openssl = run(List.of(
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                temp.resolve("cosign.pub").toString(),
                "-signature",
                der.toString(),
                artifact.toString()));
        assertThat(openssl.output()).contains("Verified OK");

        Files.writeString(artifact, "release 1.1\n", StandardCharsets.UTF_8);
        Result tampered = assay(
                "verify",
                "blob",
                artifact.toString(),
                "--key",
                temp.resolve("cosign.pub").toString(),
                "--bundle",
                bundle.toString());
        assertThat(tampered.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(tampered.output()).contains("rejected", "differs from the bundle's message digest");
    }

    private record Result(int exitCode, String output) {}

    private Result assay(String... args) throws IOException, InterruptedException {
        Path jar = ProjectRoot.require().resolve("assay-cli/target/assay.jar");
        assertThat(jar).as("packaged CLI").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return run(command);
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).directory(temp.toFile());
        builder.environment().put(Passwords.VARIABLE, PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
