package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.server.AssayServer;
import dev.assay.testkit.ProjectRoot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code assay server} as the portfolio server, {@code assay server keys}, and {@code --upload}. */
class ServerPortfolioCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path advisories;

    @TempDir
    Path temp;

    Path dataDir;
    AssayServer server;
    String logged;
    ByteArrayOutputStream err;

    @BeforeAll
    static void importAdvisories() {
        advisories = shared.resolve("advisories");
        Path bundle = ProjectRoot.require()
                .resolve("assay-engine/src/main/resources/dev/assay/engine/advisory-snapshot.bundle");
        CliRun run = CliRun.of("db", "import", bundle.toString(), "--db", advisories.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @BeforeEach
    void startServer() {
        dataDir = temp.resolve("data");
        err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), System.out, errStream, false);
        // No TLS flags and no --insecure-http: the portfolio server on loopback only.
        String[] args = {
            "server",
            "--port",
            "0",
            "--data-dir",
            dataDir.toString(),
            "--db",
            advisories.toString(),
            "--monitor-interval",
            "1s"
        };
        CommandLine commandLine = Main.commandLine(terminal, args);
        ServerCommand command = (ServerCommand)
                commandLine.parseArgs(args).subcommand().commandSpec().userObject();
        Logging.configure(command.globalOptions(), errStream);
        server = ServerLauncher.start(command);
        logged = err.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
        Logging.configure(new GlobalOptions(), System.err);
    }

    private String adminKey() throws IOException {
        return Files.readString(dataDir.resolve("initial-admin-key"), StandardCharsets.UTF_8)
                .strip();
    }

    private static HttpResponse<String> get(String url, String key) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + key)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private String createKey(String name, String scope) {
        CliRun run = CliRun.of(
                "server", "keys", "create", "--name", name, "--scope", scope, "--data-dir", dataDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().strip();
    }

    @Test
    void server_withoutTlsFlags_servesPlainHttpOnLoopbackWithAnInitialAdminKey() throws Exception {
        assertThat(server.url()).startsWith("http://127.0.0.1:");
        assertThat(logged).contains("serving plain HTTP on loopback only");
        Path keyFile = dataDir.resolve("initial-admin-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(logged).contains(keyFile.toString()).doesNotContain(adminKey());

        HttpResponse<String> status = get(server.url() + "/api/v1/status", adminKey());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).path("database").path("dialect").asText())
                .isEqualTo("h2");
        assertThat(get(server.url() + "/admission/validate", adminKey()).statusCode())
                .isEqualTo(404);
        JsonNode advisoryStatus = JSON.readTree(status.body()).path("advisories");
        assertThat(advisoryStatus.path("builtAt").asText()).isNotBlank();
        assertThat(advisoryStatus.path("stale").isBoolean()).isTrue();
        assertThat(advisoryStatus.path("maxAgeHours").asDouble()).isEqualTo(168.0);
        assertThat(advisoryStatus.path("location").asText()).isEqualTo(advisories.toString());
    }

    @Test
    void server_badMonitoringFlags_exitTwo() {
        CliRun age = CliRun.of("server", "--port", "0", "--data-dir", dataDir.toString(), "--max-db-age", "soon");
        assertThat(age.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(age.err()).contains("soon");
        CliRun interval =
                CliRun.of("server", "--port", "0", "--data-dir", dataDir.toString(), "--monitor-interval", "often");
        assertThat(interval.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(interval.err()).contains("--monitor-interval");
    }

    @Test
    void keys_createListRevoke_whileTheServerRuns() throws Exception {
        String key = createKey("ci", "upload,read");
        assertThat(key).matches("assay_[0-9a-f]{12}_[0-9a-f]{64}");
        assertThat(get(server.url() + "/api/v1/projects", key).statusCode()).isEqualTo(200);

        CliRun list = CliRun.of("server", "keys", "list", "--data-dir", dataDir.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("initial-admin", "admin", "ci", "read,upload")
                .doesNotContain(key);

        CliRun revoke = CliRun.of("server", "keys", "revoke", "ci", "--data-dir", dataDir.toString());
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(get(server.url() + "/api/v1/projects", key).statusCode()).isEqualTo(401);

        JsonNode audit =
                JSON.readTree(get(server.url() + "/api/v1/audit", adminKey()).body());
        assertThat(audit.path("entries").get(0).path("action").asText()).isEqualTo("key.revoke");
        assertThat(audit.path("entries").get(0).path("actor").asText()).startsWith("cli:");
    }

    @Test
    void keys_badInput_exitsTwoWithOneLine() {
        CliRun scope = CliRun.of(
                "server", "keys", "create", "--name", "x", "--scope", "write", "--data-dir", dataDir.toString());
        assertThat(scope.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(scope.err()).contains("unknown scope 'write'");
        createKey("dup", "read");
        CliRun duplicate = CliRun.of(
                "server", "keys", "create", "--name", "dup", "--scope", "read", "--data-dir", dataDir.toString());
        assertThat(duplicate.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(duplicate.err()).contains("already exists");
        CliRun missing = CliRun.of("server", "keys", "revoke", "nobody", "--data-dir", dataDir.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("no API key named 'nobody'").doesNotContain("\tat ");
    }

    @Test
    void sbomUpload_storesTheVersionAndKeepsTheNormalOutput() throws Exception {
        String key = createKey("ci", "upload");
        String sample = ProjectRoot.require()
                .resolve("samples/webapp/frontend/package-lock.json")
                .toString();

        CliRun run = CliRun.of(
                "sbom",
                sample,
                "--upload",
                server.url(),
                "--project",
                "frontend",
                "--project-version",
                "2.0",
                "--project-tag",
                "prod",
                "--api-key",
                key);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(run.err()).contains("uploaded to " + server.url() + " as frontend@2.0: CREATED");
        JsonNode project = JSON.readTree(
                get(server.url() + "/api/v1/projects/frontend", adminKey()).body());
        assertThat(project.path("versions").get(0).path("version").asText()).isEqualTo("2.0");
        assertThat(project.path("versions").get(0).path("tags").toString()).isEqualTo("[\"prod\"]");
        assertThat(project.path("versions").get(0).path("components").asInt()).isGreaterThan(1);
    }

    @Test
    void scanUpload_uploadsTheScannedSbom() throws Exception {
        String key = createKey("ci", "upload");
        Path project = temp.resolve("svc");
        Files.createDirectories(project);
        Files.writeString(project.resolve("requirements.txt"), "requests==2.19.0\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of(
                "scan",
                project.toString(),
                "--db",
                advisories.toString(),
                "--format",
                "json",
                "--upload",
                server.url() + "/",
                "--project",
                "svc",
                "--project-version",
                "1",
                "--api-key",
                key);

        assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.GATE_TRIPPED);
        assertThat(JSON.readTree(run.out()).has("findings")).isTrue();
        assertThat(run.err()).contains("as svc@1: CREATED");
        JsonNode components =
                JSON.readTree(get(server.url() + "/api/v1/projects/svc/versions/1/components?q=requests", adminKey())
                        .body());
        assertThat(components.path("total").asInt()).isEqualTo(1);
    }

    @Test
    void scanK8sUpload_uploadsTheSarifWhateverTheFormat_afterTheNormalOutput() throws Exception {
        String key = createKey("ci", "upload");
        String sample = ProjectRoot.require()
                .resolve("samples/webapp/frontend/package-lock.json")
                .toString();
        CliRun sbom = CliRun.of(
                "sbom",
                sample,
                "--upload",
                server.url(),
                "--project",
                "shop",
                "--project-version",
                "1.4.0",
                "--api-key",
                key);
        assertThat(sbom.exitCode()).as(sbom.err()).isZero();
        Path manifest = temp.resolve("pod.yaml");
        Files.writeString(manifest, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  containers:
                    - name: app
                      image: nginx:1.25
                      securityContext:
                        privileged: true
                """, StandardCharsets.UTF_8);

        CliRun run = CliRun.of(
                "scan",
                "k8s",
                manifest.toString(),
                "--fail-on",
                "high",
                "--upload",
                server.url() + "/api/v1",
                "--project",
                "shop",
                "--project-version",
                "1.4.0",
                "--api-key",
                key);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.out()).contains("privileged");
        JsonNode stored =
                JSON.readTree(get(server.url() + "/api/v1/projects/shop/versions/1.4.0/policy-results", adminKey())
                        .body());
        int results = stored.path("results").size();
        assertThat(results).isGreaterThan(1);
        assertThat(run.err())
                .contains("uploaded to " + server.url() + "/api/v1 as shop@1.4.0: " + results + " policy results");
        assertThat(stored.path("results").get(0).path("tool").asText()).isEqualTo("Assay");
        assertThat(stored.path("results").get(0).path("level").asText()).isEqualTo("error");
        assertThat(stored.path("results").get(0).path("location").asText()).endsWith("pod.yaml:1");
        assertThat(stored.path("summary").path("error").asInt()).isPositive();

        // Once more, with JSON on stdout: the same results, replaced rather than added.
        CliRun again = CliRun.of(
                "scan",
                "k8s",
                manifest.toString(),
                "--format",
                "json",
                "--upload",
                server.url(),
                "--project",
                "shop",
                "--project-version",
                "1.4.0",
                "--api-key",
                key,
                "-q");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(JSON.readTree(again.out()).isObject()).isTrue();
        assertThat(JSON.readTree(get(server.url() + "/api/v1/projects/shop/versions/1.4.0/policy-results", adminKey())
                                .body())
                        .path("results")
                        .size())
                .isEqualTo(results);
        JsonNode audit = JSON.readTree(
                get(server.url() + "/api/v1/audit?limit=1", adminKey()).body());
        assertThat(audit.path("entries").get(0).path("action").asText()).isEqualTo("policy-results.upload");
        assertThat(audit.path("entries").get(0).path("actor").asText()).isEqualTo("ci");

        CliRun unknownVersion = CliRun.of(
                "scan",
                "k8s",
                manifest.toString(),
                "--upload",
                server.url(),
                "--project",
                "shop",
                "--project-version",
                "9.9",
                "--api-key",
                key);
        assertThat(unknownVersion.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknownVersion.err())
                .contains("rejected the SARIF report for shop@9.9 (404", "upload its SBOM first")
                .doesNotContain("\tat ");
        assertThat(unknownVersion.out()).as("the normal output comes first").contains("privileged");

        CliRun tagged = CliRun.of(
                "scan",
                "k8s",
                manifest.toString(),
                "--upload",
                server.url(),
                "--project",
                "shop",
                "--project-version",
                "1.4.0",
                "--project-tag",
                "prod",
                "--api-key",
                key);
        assertThat(tagged.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tagged.err()).contains("--project-tag applies to SBOM uploads");
        CliRun noKey = CliRun.of(
                "scan",
                "k8s",
                manifest.toString(),
                "--upload",
                server.url(),
                "--project",
                "shop",
                "--project-version",
                "1.4.0");
        assertThat(noKey.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void serverUpload_baseUrlAndPathSegments() {
        assertThat(ServerUpload.base("https://assay.example.com/")).isEqualTo("https://assay.example.com");
        assertThat(ServerUpload.base("https://assay.example.com/api/v1/sboms")).isEqualTo("https://assay.example.com");
        assertThat(ServerUpload.base("http://h:8080/api/v1")).isEqualTo("http://h:8080");
        assertThat(ServerUpload.segment("my app/1+2")).isEqualTo("my%20app%2F1%2B2");
        assertThat(PolicyResultUploader.path(
                        new ServerUpload.Target("http://h", "a b", "1.0", java.util.List.of(), "k")))
                .isEqualTo("/api/v1/projects/a%20b/versions/1.0/policy-results");
        assertThat(SbomUploader.path(new ServerUpload.Target("http://h", "a b", "1&2", java.util.List.of("t"), "k")))
                .isEqualTo("/api/v1/sboms?project=a+b&version=1%262&tag=t");
    }

    @Test
    void upload_refusedOrUnreachable_exitCodesAndOneLine() throws Exception {
        String sample = ProjectRoot.require()
                .resolve("samples/webapp/frontend/package-lock.json")
                .toString();
        String reader = createKey("dash", "read");

        CliRun unknown = CliRun.of(
                "sbom",
                sample,
                "--upload",
                server.url(),
                "--project",
                "p",
                "--project-version",
                "1",
                "--api-key",
                "assay_000000000000_" + "0".repeat(64));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).contains("refused the API key (401").doesNotContain("\tat ");

        CliRun forbidden = CliRun.of(
                "sbom",
                sample,
                "--upload",
                server.url(),
                "--project",
                "p",
                "--project-version",
                "1",
                "--api-key",
                reader);
        assertThat(forbidden.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(forbidden.err()).contains("may not upload (403", "lacks the scope 'upload'");

        CliRun badName = CliRun.of(
                "sbom",
                sample,
                "--upload",
                server.url(),
                "--project",
                "../x",
                "--project-version",
                "1",
                "--api-key",
                adminKey());
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badName.err()).contains("rejected the SBOM", "400");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun unreachable = CliRun.of(
                "sbom",
                sample,
                "--upload",
                "http://127.0.0.1:" + closedPort,
                "--project",
                "p",
                "--project-version",
                "1",
                "--api-key",
                adminKey());
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(unreachable.err()).contains("cannot upload the SBOM to http://127.0.0.1:" + closedPort);

        CliRun noVersion = CliRun.of("sbom", sample, "--upload", server.url(), "--project", "p", "--api-key", reader);
        assertThat(noVersion.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noVersion.err()).contains("--upload needs --project NAME and --project-version VERSION");
        CliRun noUpload = CliRun.of("sbom", sample, "--project", "p");
        assertThat(noUpload.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noUpload.err()).contains("need --upload URL");
    }

    @Test
    void dataDir_defaultsFollowXdg() {
        Path home = Path.of("/home/someone");
        assertThat(PortfolioStorageOptions.defaultDataDir(Map.of("XDG_DATA_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/xdg/assay/server"));
        assertThat(PortfolioStorageOptions.defaultDataDir(Map.of("XDG_DATA_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/someone/.local/share/assay/server"));
        assertThat(PortfolioStorageOptions.defaultDataDir(Map.of(), home))
                .isEqualTo(Path.of("/home/someone/.local/share/assay/server"));
    }

    @Test
    void server_plainHttpOnAnotherAddress_needsInsecureHttp() {
        CliRun run = CliRun.of(
                "server",
                "--bind",
                "0.0.0.0",
                "--port",
                "0",
                "--data-dir",
                temp.resolve("other").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--insecure-http");
        CliRun cors = CliRun.of(
                "server",
                "--cors-origin",
                "https://x.example/path",
                "--port",
                "0",
                "--data-dir",
                temp.resolve("other").toString());
        assertThat(cors.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(cors.err()).contains("--cors-origin takes an origin");
    }
}
