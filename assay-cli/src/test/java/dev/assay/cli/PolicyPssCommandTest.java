package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyPssCommandTest {
    private static final String PRIVILEGED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: app
                image: pause
                securityContext:
                  privileged: true
            """;

    private static final String PLAIN_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: pause
            """;

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void pss_deniedFile_exitsOneWithJsonContract() throws IOException {
        Path denied = write("pod.yaml", PRIVILEGED_POD);
        Path allowed = write("deploy.yaml", PLAIN_DEPLOYMENT);

        CliRun run = CliRun.of(
                "policy", "pss", "--level", "baseline", denied.toString(), allowed.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("results");
        JsonNode first = root.get("results").get(0);
        assertThat(first.get("file").asText()).isEqualTo(denied.toString());
        assertThat(first.get("allowed").asBoolean()).isFalse();
        assertThat(first.get("violations").get(0).get("check").asText()).isEqualTo("privileged");
        assertThat(first.get("violations").get(0).get("message").asText()).contains("app");
        JsonNode second = root.get("results").get(1);
        assertThat(second.get("allowed").asBoolean()).isTrue();
        assertThat(second.get("violations")).isEmpty();
    }

    @Test
    void pss_allAllowed_exitsZero() throws IOException {
        Path allowed = write("deploy.yaml", PLAIN_DEPLOYMENT);

        CliRun run = CliRun.of("policy", "pss", "--level", "baseline", "--version", "v1.30", allowed.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("allowed");
    }

    @Test
    void pss_restrictedOnPlainDeployment_exitsOne() throws IOException {
        Path file = write("deploy.yaml", PLAIN_DEPLOYMENT);

        CliRun run = CliRun.of("policy", "pss", "--level", "restricted", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out()).contains("denied", "runAsNonRoot");
    }

    @Test
    void pss_badInput_exitsTwoWithoutStackTrace() throws IOException {
        Path malformed = write("bad.yaml", "kind: Pod\nspec: [unclosed\n");
        Path configMap = write("cm.yaml", "kind: ConfigMap\ndata: {}\n");

        for (String[] args : new String[][] {
            {"policy", "pss", "--level", "baseline", malformed.toString()},
            {"policy", "pss", "--level", "baseline", configMap.toString()},
            {
                "policy",
                "pss",
                "--level",
                "baseline",
                temp.resolve("missing.yaml").toString()
            },
            {"policy", "pss", "--level", "privileged", configMap.toString()},
            {"policy", "pss", "--level", "baseline", "--version", "2", configMap.toString()}
        }) {
            CliRun run = CliRun.of(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).startsWith("assay: ").doesNotContain("\tat ");
        }
    }
}
