package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.sign.keys.EncryptedPrivateKeys;
import dev.assay.sign.keys.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay keygen} as a process, after packaging, with the password in ASSAY_PASSWORD. */
class KeygenIT {
    @TempDir
    Path temp;

    @Test
    void keygenFiles_writtenByTheLauncher_areOwnerOnlyAndRoundTrip() throws Exception {
        // Runs the real CLI in a child process so that ASSAY_PASSWORD can be set for it.
        Path jar = dev.assay.testkit.ProjectRoot.require().resolve("assay-cli/target/assay.jar");
        assertThat(jar).as("packaged CLI").isRegularFile();
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        jar.toString(),
                        "keygen",
                        "--output-prefix",
                        temp.resolve("signer").toString(),
                        "--algorithm",
                        "ed25519")
                .redirectErrorStream(true);
        builder.environment().put(KeygenCommand.PASSWORD_VARIABLE, "s3cret-for-tests");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        Path key = temp.resolve("signer.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(key)).doesNotContain("s3cret-for-tests");
        var privateKey = EncryptedPrivateKeys.decrypt(Files.readString(key), "s3cret-for-tests".toCharArray(), "k");
        var publicKey = PublicKeys.decode(Files.readString(temp.resolve("signer.pub")), "p");
        assertThat(privateKey.getAlgorithm()).isEqualTo("EdDSA");
        assertThat(publicKey.getAlgorithm()).isEqualTo("EdDSA");
    }
}
