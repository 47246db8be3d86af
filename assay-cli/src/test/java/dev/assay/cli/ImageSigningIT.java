package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.oci.LocalRegistry;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * sign image, attest image and verify image as processes of the packaged CLI against a real registry on
 * loopback, with the exit codes scripts rely on.
 */
@Timeout(300)
class ImageSigningIT {
    private static final String PASSWORD = "image-signing-test";

    @TempDir
    static Path temp;

    private static LocalRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeRegistryInstalled();
        registry = LocalRegistry.start(temp.resolve("registry"));
        assertThat(assay("keygen", "--output-prefix", temp.resolve("cosign").toString())
                        .exitCode())
                .isZero();
        assertThat(assay("keygen", "--output-prefix", temp.resolve("other").toString())
                        .exitCode())
                .isZero();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void signAttestVerify_exitCodesAndJsonReport() throws Exception {
        registry.pushImage("cli/app:1.0", "cli");
        String image = registry.host() + "/cli/app:1.0";
        Path predicate = Files.writeString(temp.resolve("provenance.json"), "{\"buildType\":\"https://example/b\"}");
        Path report = temp.resolve("report.json");

        Result unsigned = assay("verify", "image", image, "--key", pub("cosign"), "--insecure-registry");
        Result sign = assay(
                "sign",
                "image",
                image,
                "--key",
                temp.resolve("cosign.key").toString(),
                "--insecure-registry",
                "--annotation",
                "ci=yes",
                "--bundle-referrer");
        Result attest = assay(
                "attest",
                "image",
                image,
                "--predicate",
                predicate.toString(),
                "--type",
                "slsaprovenance",
                "--key",
                temp.resolve("cosign.key").toString(),
                "--insecure-registry",
                "--output",
                temp.resolve("attested.json").toString());
        Result verified = assay(
                "verify",
                "image",
                image,
                "--key",
                pub("cosign"),
                "--attestation-type",
                "slsaprovenance",
                "--insecure-registry",
                "--output",
                report.toString());
        Result wrongType = assay(
                "verify", "image", image, "--key", pub("cosign"), "--attestation-type", "spdx", "--insecure-registry");
        Result wrongKey = assay("verify", "image", image, "--key", pub("other"), "--insecure-registry");

        assertThat(unsigned.exitCode()).as(unsigned.output()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(unsigned.output()).contains("rejected: no signatures found for sha256:");
        assertThat(sign.exitCode()).as(sign.output()).isZero();
        assertThat(sign.output()).contains(".sig", "(referrer)");
        assertThat(attest.exitCode()).as(attest.output()).isZero();
        JsonNode attested = SafeJson.read(Files.readAllBytes(temp.resolve("attested.json")), "attested");
        assertThat(attested.path("digest").asText()).startsWith("sha256:");
        assertThat(attested.path("pushed").toString()).contains(".att");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        JsonNode json = SafeJson.read(Files.readAllBytes(report), "report");
        assertThat(json.path("verified").asBoolean()).isTrue();
        assertThat(json.path("signatures")).hasSize(2);
        assertThat(json.path("attestations").get(0).path("predicateType").asText())
                .isEqualTo("https://slsa.dev/provenance/v1");
        assertThat(wrongType.exitCode()).as(wrongType.output()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(wrongType.output()).contains("no valid spdx attestation");
        assertThat(wrongKey.exitCode()).as(wrongKey.output()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(wrongKey.output())
                .contains("signature does not verify with the key")
                .doesNotContain("\tat ");
    }

    @Test
    void verify_badReferenceOrFlags_isAUsageError() throws Exception {
        Result badReference = assay("verify", "image", "Not A Reference!", "--key", pub("cosign"));
        Result unknownType = assay(
                "verify", "image", registry.host() + "/x:1", "--key", pub("cosign"), "--attestation-type", "nope");

        assertThat(badReference.exitCode()).as(badReference.output()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badReference.output()).contains("not a valid image reference");
        assertThat(unknownType.exitCode()).as(unknownType.output()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void verify_registryStopped_isNoVerdict() throws Exception {
        LocalRegistry stopped = LocalRegistry.start(temp.resolve("stopped"));
        String image = stopped.host() + "/app:1.0";
        stopped.close();

        Result result = assay("verify", "image", image, "--key", pub("cosign"), "--insecure-registry");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(result.output()).contains("is unreachable").doesNotContain("\tat ");
    }

    private static String pub(String name) {
        return temp.resolve(name + ".pub").toString();
    }

    private record Result(int exitCode, String output) {}

    private static Result assay(String... args) throws IOException, InterruptedException {
        Path jar = ProjectRoot.require().resolve("assay-cli/target/assay.jar");
        assertThat(jar).as("packaged CLI").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).directory(temp.toFile());
        builder.environment().put(Passwords.VARIABLE, PASSWORD);
        builder.environment().remove("ASSAY_REGISTRY_USERNAME");
        builder.environment().remove("ASSAY_REGISTRY_PASSWORD");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }
}
