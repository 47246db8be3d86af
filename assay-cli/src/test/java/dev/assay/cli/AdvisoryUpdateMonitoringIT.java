package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous monitoring across real processes, from the packaged jar: a running {@code assay server} holds a
 * version whose component no advisory names yet; a separate {@code assay db update} process fetches an
 * advisory for it from a loopback mirror; the server notices the new generation, re-analyses and tells a
 * loopback webhook receiver exactly once, with a signature the receiver checks on its own.
 *
 * <p>The advisories are written here, so the test needs no corpus.
 */
class AdvisoryUpdateMonitoringIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ADVISORY = "GHSA-jfh8-c2jp-5v3q";
    private static final String CVE = "CVE-2021-44228";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final String SECRET = "monitoring-test-secret-0123456789";

    @TempDir
    Path temp;

    /** One request the webhook receiver got, as it arrived. */
    private static final class Delivery {
        private final String method;
        private final String path;
        private final Map<String, String> headers;
        private final byte[] body;

        Delivery(String method, String path, Map<String, String> headers, byte[] body) {
            this.method = method;
            this.path = path;
            this.headers = Map.copyOf(headers);
            this.body = body.clone();
        }

        String method() {
            return method;
        }

        String path() {
            return path;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        byte[] body() {
            return body.clone();
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void advisoryUpdateWhileServing_raisesOneSignedFindingNewAndStoresTheFinding() throws Exception {
        long started = System.nanoTime();
        Path db = temp.resolve("advisories");
        Path initial = Files.createDirectories(temp.resolve("initial"));
        Files.writeString(initial.resolve("GHSA-0000-test-other.json"), unrelatedAdvisory(), StandardCharsets.UTF_8);
        Process imported = assay("db", "import", "--db", db.toString(), "--source", "test", initial.toString())
                .redirectOutput(temp.resolve("import.out").toFile())
                .redirectError(temp.resolve("import.err").toFile())
                .start();
        assertThat(finished(imported)).as("db import within 60 s").isTrue();
        assertThat(imported.exitValue()).as(log("import.err")).isZero();

        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        HttpServer receiver = loopbackServer();
        receiver.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            deliveries.add(new Delivery(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        byte[] mirrorZip =
                zip(Map.of(ADVISORY + ".json", log4shellAdvisory(), "GHSA-0000-test-other.json", unrelatedAdvisory()));
        HttpServer mirror = loopbackServer();
        mirror.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/Maven/all.zip")) {
                exchange.sendResponseHeaders(200, mirrorZip.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(mirrorZip);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        try {
            receiver.start();
            mirror.start();
            serveUpdateAndAwaitTheWebhook(
                    db, receiver.getAddress().getPort(), mirror.getAddress().getPort(), deliveries);
        } finally {
            receiver.stop(0);
            mirror.stop(0);
        }
        System.out.printf(
                "advisory update monitoring test: %d ms end to end%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** The server from start to stop, with the receiver and the mirror already listening. */
    private void serveUpdateAndAwaitTheWebhook(
            Path db, int receiverPort, int mirrorPort, BlockingQueue<Delivery> deliveries) throws Exception {
        Path dataDir = temp.resolve("data");
        int port = ServerProcesses.freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        Process server = assay(
                        "server",
                        "--port",
                        Integer.toString(port),
                        "--data-dir",
                        dataDir.toString(),
                        "--db",
                        db.toString(),
                        "--monitor-interval",
                        "1s")
                .redirectOutput(temp.resolve("server.out").toFile())
                .redirectError(temp.resolve("server.err").toFile())
                .start();
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            ServerProcesses.awaitReady(client, base, server, temp.resolve("server.err"));
            String admin = Files.readString(dataDir.resolve("initial-admin-key"), StandardCharsets.UTF_8)
                    .strip();

            HttpResponse<String> subscribed = send(
                    client,
                    post(
                            base,
                            "/api/v1/webhooks",
                            admin,
                            JSON.writeValueAsString(Map.of(
                                    "url",
                                    "http://127.0.0.1:" + receiverPort + "/hook",
                                    "secret",
                                    SECRET,
                                    "events",
                                    List.of("finding.new")))));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            assertThat(subscribed.body()).doesNotContain(SECRET);

            HttpResponse<String> uploaded =
                    send(client, post(base, "/api/v1/sboms?project=shop&version=1.0", admin, sbom()));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            assertThat(JSON.readTree(uploaded.body()).path("findings").asInt())
                    .as(uploaded.body())
                    .isZero();
            assertThat(findings(client, base, admin))
                    .as("no advisory names log4j-core yet")
                    .isEmpty();

            Process update = assay(
                            "db",
                            "update",
                            "--db",
                            db.toString(),
                            "--base-url",
                            "http://127.0.0.1:" + mirrorPort,
                            "--ecosystem",
                            "Maven",
                            "--retries",
                            "0")
                    .redirectOutput(temp.resolve("update.out").toFile())
                    .redirectError(temp.resolve("update.err").toFile())
                    .start();
            assertThat(finished(update)).as("db update within 60 s").isTrue();
            assertThat(update.exitValue()).as(log("update.err")).isZero();
            assertThat(server.isAlive()).as(log("server.err")).isTrue();

            long updated = System.nanoTime();
            Delivery delivery = deliveries.poll(60, TimeUnit.SECONDS);
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - updated);
            assertThat(delivery)
                    .as("a finding.new webhook within 60 s of the update; server log:%n%s", log("server.err"))
                    .isNotNull();
            assertThat(delivery.method()).isEqualTo("POST");
            assertThat(delivery.path()).isEqualTo("/hook");
            assertThat(delivery.header("Content-Type")).startsWith("application/json");
            assertThat(delivery.header("X-Assay-Event")).isEqualTo("finding.new");
            assertThat(UUID.fromString(delivery.header("X-Assay-Delivery"))).isNotNull();
            String timestamp = delivery.header("X-Assay-Timestamp");
            assertThat(timestamp).matches("[0-9]+");
            assertThat(Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), Instant.now())
                            .abs())
                    .isLessThan(Duration.ofMinutes(2));
            assertThat(delivery.header("X-Assay-Signature"))
                    .isEqualTo("sha256=" + hmacSha256Hex(SECRET, timestamp + ".", delivery.body()));

            JsonNode event = delivery.json();
            assertThat(event.path("type").asText()).isEqualTo("finding.new");
            assertThat(event.path("id").asText()).isNotBlank();
            assertThat(Instant.parse(event.path("createdAt").asText())).isNotNull();
            JsonNode data = event.path("data");
            assertThat(data.path("project").asText()).isEqualTo("shop");
            assertThat(data.path("version").asText()).isEqualTo("1.0");
            // The portfolio names a vulnerability by its CVE when the advisory lists one.
            assertThat(data.path("vulnerability").asText()).isEqualTo(CVE);
            assertThat(data.path("purl").asText()).isEqualTo(LOG4J);
            assertThat(data.path("severity").asText()).isEqualTo("critical");
            assertThat(data.path("kev").isBoolean()).isTrue();
            assertThat(data.path("kev").asBoolean())
                    .as("no KEV catalog was imported")
                    .isFalse();

            List<JsonNode> found = findings(client, base, admin);
            assertThat(found).hasSize(1);
            JsonNode finding = found.getFirst();
            assertThat(finding.path("vulnerability").asText()).isEqualTo(CVE);
            assertThat(texts(finding.path("aliases"))).contains(ADVISORY);
            assertThat(finding.path("component").path("purl").asText()).isEqualTo(LOG4J);
            assertThat(finding.path("severity").asText()).isEqualTo("critical");
            assertThat(texts(finding.path("fixedVersions"))).contains("2.15.0");

            // Several more advisory checks pass: the same generation must not notify again.
            Delivery second = deliveries.poll(5, TimeUnit.SECONDS);
            assertThat(second).as("no second delivery, got %s", second).isNull();
            assertThat(findings(client, base, admin)).hasSize(1);
            System.out.printf("finding.new delivered %d ms after db update exited%n", latency);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(log("server.err")).as("the webhook secret is never logged").doesNotContain(SECRET);
    }

    private static ProcessBuilder assay(String... arguments) {
        return ServerProcesses.assay(Map.of(), arguments);
    }

    private static boolean finished(Process process) throws InterruptedException {
        if (process.waitFor(60, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly();
        return false;
    }

    private String log(String name) {
        try {
            return Files.readString(temp.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + name + ": " + e.getMessage() + ")";
        }
    }

    private static HttpServer loopbackServer() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private static List<JsonNode> findings(HttpClient client, URI base, String key) throws Exception {
        HttpResponse<String> response = send(
                client,
                HttpRequest.newBuilder(base.resolve("/api/v1/projects/shop/versions/1.0/findings"))
                        .header("Authorization", "Bearer " + key)
                        .timeout(Duration.ofSeconds(30))
                        .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> findings = new ArrayList<>();
        JSON.readTree(response.body()).path("findings").forEach(findings::add);
        return findings;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static HttpRequest post(URI base, String path, String key, String json) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The receiver's own check, independent of the server's signing code. */
    private static String hmacSha256Hex(String secret, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String sbom() {
        return """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"pkg:maven/com.example/shop@1.0",
                   "name":"shop","version":"1.0","purl":"pkg:maven/com.example/shop@1.0"}},
                 "components":[{"type":"library","bom-ref":"%1$s","group":"org.apache.logging.log4j",
                   "name":"log4j-core","version":"2.14.1","purl":"%1$s"}],
                 "dependencies":[{"ref":"pkg:maven/com.example/shop@1.0","dependsOn":["%1$s"]},
                   {"ref":"%1$s","dependsOn":[]}]}
                """.formatted(LOG4J);
    }

    private static String log4shellAdvisory() {
        return """
                {"schema_version":"1.6.0","id":"%s","modified":"2024-01-02T00:00:00Z",
                 "published":"2021-12-10T00:00:00Z","aliases":["%s"],
                 "summary":"Remote code execution in log4j-core through JNDI lookups",
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}],
                 "affected":[{"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}]}]}],
                 "database_specific":{"severity":"CRITICAL"}}
                """.formatted(ADVISORY, CVE);
    }

    private static String unrelatedAdvisory() {
        return """
                {"schema_version":"1.6.0","id":"GHSA-0000-test-other","modified":"2024-01-01T00:00:00Z",
                 "published":"2024-01-01T00:00:00Z","aliases":["CVE-2099-0001"],
                 "summary":"A flaw in com.example:other, which the portfolio does not use",
                 "affected":[{"package":{"ecosystem":"Maven","name":"com.example:other"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.1"}]}]}],
                 "database_specific":{"severity":"MODERATE"}}
                """;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
