package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay keygen}. The in-process runs have no console and no ASSAY_PASSWORD in the test environment,
 * so the password path is exercised through the library; the CLI's own rules (no password, overwrite,
 * unknown algorithm) are asserted here.
 */
class KeygenCommandTest {
    @TempDir
    Path temp;

    @Test
    void keygen_withoutPasswordOrTerminal_isAUsageErrorAndWritesNothing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv(KeygenCommand.PASSWORD_VARIABLE) == null, "ASSAY_PASSWORD is set in this environment");
        String prefix = temp.resolve("release").toString();

        CliRun run = CliRun.of("keygen", "--output-prefix", prefix);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("ASSAY_PASSWORD");
        assertThat(temp.resolve("release.key")).doesNotExist();
    }

    @Test
    void keygen_unknownAlgorithm_namesTheAcceptedOnes() {
        CliRun run = CliRun.of("keygen", "--output-prefix", temp.resolve("k").toString(), "--algorithm", "dsa");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("ecdsa-p256", "ed25519", "rsa-3072");
    }

    @Test
    void keygen_existingKeyWithoutForce_isRefusedAndKeptIntact() throws IOException {
        Path existing = temp.resolve("cosign.key");
        Files.writeString(existing, "precious");

        CliRun run =
                CliRun.of("keygen", "--output-prefix", temp.resolve("cosign").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--force");
        assertThat(Files.readString(existing)).isEqualTo("precious");
    }
}
