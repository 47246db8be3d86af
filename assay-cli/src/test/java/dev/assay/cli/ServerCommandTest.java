package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.server.AssayServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @AfterEach
    void restoreLogging() {
        Logging.configure(new GlobalOptions(), System.err);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream input = ServerCommandTest.class.getResourceAsStream("/admission/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void server_withoutTlsOrInsecureHttpOnANonLoopbackAddress_isAUsageError() {
        CliRun run = CliRun.of("server", "--bind", "0.0.0.0", "--pss", "restricted", "--data-dir", temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("give --tls-cert FILE and --tls-key FILE", "--insecure-http");
    }

    @Test
    void server_tlsAndInsecureHttpTogether_isAUsageError() {
        CliRun run = CliRun.of("server", "--insecure-http", "--tls-cert", "c", "--tls-key", "k", "--pss", "baseline");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("not both");
    }

    @Test
    void server_policyFlagsWithoutPss_isAUsageError() {
        CliRun run = CliRun.of("server", "--insecure-http", "--pss-enforce-workloads", "--data-dir", temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("need --pss LEVEL");
    }

    @Test
    void server_badFlagValues_areUsageErrors() throws IOException {
        Path unknownKind = write("p.yaml", "apiVersion: assay.dev/v1\nkind: Policy\nmetadata: {name: x}\n");
        Path notAPolicy = write("q.yaml", "apiVersion: assay.dev/v1\nkind: Nonsense\nmetadata: {name: x}\n");

        assertThat(CliRun.of("server", "--insecure-http", "--pss", "strict").err())
                .contains("unknown Pod Security level");
        assertThat(CliRun.of("server", "--insecure-http", "--pss", "baseline", "--tls-reload-interval", "soon")
                        .err())
                .contains("--tls-reload-interval takes a duration");
        CliRun missing = CliRun.of(
                "server",
                "--insecure-http",
                "--policy",
                temp.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("does not exist");
        CliRun kind = CliRun.of("server", "--insecure-http", "--policy", unknownKind.toString());
        assertThat(kind.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(kind.err()).contains("p.yaml:1:1", "missing required field 'spec'");
        CliRun unknown = CliRun.of("server", "--insecure-http", "--policy", notAPolicy.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).contains("Nonsense");
        assertThat(CliRun.of("server", "--insecure-http", "--pss-enforce-workloads", "--policy", unknownKind.toString())
                        .err())
                .contains("need --pss LEVEL");
    }

    @Test
    void server_portInUse_exitsTwoWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of(
                    "server",
                    "--insecure-http",
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(taken.getLocalPort()),
                    "--pss",
                    "restricted",
                    "--data-dir",
                    temp.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(run.err().lines()).noneMatch(line -> line.startsWith("\tat "));
        }
    }

    @Test
    void server_started_decidesAndLogsOneInfoLinePerDecision() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), System.out, errStream, false);
        String[] args = {
            "server",
            "--insecure-http",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--pss",
            "restricted",
            "--data-dir",
            temp.toString()
        };
        CommandLine commandLine = Main.commandLine(terminal, args);
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        ServerCommand command =
                (ServerCommand) parsed.subcommand().commandSpec().userObject();
        Logging.configure(command.globalOptions(), errStream);

        AssayServer server = ServerLauncher.start(command);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/admission/validate"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(fixture("pod-privileged.json")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(JSON.readTree(response.body())
                            .path("response")
                            .path("allowed")
                            .asBoolean(true))
                    .isFalse();
        } finally {
            server.stop();
        }

        String logged = err.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("assay: info: [AssayServer] listening on http://127.0.0.1:");
        assertThat(logged).contains("admission: policies: pod-security-restricted (restricted:latest); mutators: none");
        assertThat(logged).contains("serving plain HTTP");
        assertThat(logged.lines().filter(line -> line.contains("[DecisionLog] admission validate")))
                .singleElement()
                .asString()
                .contains("uid=8c1f3a2e-0d7b-4b8e-9a55-3f1c2b7d9e01")
                .contains("kind=v1/Pod")
                .contains("object=team-a/debug")
                .contains("result=denied");
    }

    @Test
    void review_admissionReview_printsWhatTheWebhookAnswersAndExitsOneWhenDenied() throws IOException {
        Path denied = write("review.json", fixture("pod-privileged.json"));

        CliRun run = CliRun.of("server", "review", "--pss", "restricted", "--format", "json", denied.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        JsonNode response = JSON.readTree(run.out()).path("response");
        assertThat(response.path("uid").asText()).isEqualTo("8c1f3a2e-0d7b-4b8e-9a55-3f1c2b7d9e01");
        assertThat(response.path("status").path("code").asInt()).isEqualTo(403);
        assertThat(response.path("status").path("message").asText()).startsWith("violates PodSecurity");
    }

    @Test
    void review_manifests_textListsDecisionsWarningsAndExitsZeroWhenAllAllowed() throws IOException {
        Path manifests = write("workloads.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: team-b}
                spec:
                  template:
                    spec:
                      containers: [{name: api, image: api:1}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                """);
        Path allowedReview = write("ok.json", fixture("pod-restricted.json"));

        CliRun run =
                CliRun.of("server", "review", "--pss", "restricted", manifests.toString(), allowedReview.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains(manifests + ": allowed (Deployment team-b/api)")
                .contains("  warning: would violate PodSecurity \"restricted:latest\"")
                .contains(manifests + " (document 2): unhandled (ConfigMap settings)")
                .contains(allowedReview + ": allowed (Pod team-a/web)");
    }

    @Test
    void review_malformedInput_exitsTwo() throws IOException {
        Path broken = write("broken.json", "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}");
        Path notObject = write("list.yaml", "- a\n- b\n");

        assertThat(CliRun.of("server", "review", "--pss", "baseline", broken.toString())
                        .exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(CliRun.of("server", "review", "--pss", "baseline", notObject.toString())
                        .err())
                .contains("is not a Kubernetes object or AdmissionReview");
    }

    @Test
    void help_listsTheServerCommand() {
        assertThat(CliRun.of("--help").out()).contains("server");
        assertThat(CliRun.of("server", "--help").out()).contains("--tls-cert", "--insecure-http", "--policy", "review");
    }
}
