package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay db ...} end to end in-process, with a loopback HTTP server standing in for the OSV bucket. */
class DbCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void update_fromLoopbackMirror_importsThenAsksForChangesOnly() throws IOException {
        Path goRecords = Corpora.require("advisories/golang-vulndb/osv");
        Path curated = Corpora.require("advisories/github-advisory-database-curated/advisories");
        Map<String, byte[]> dumps = new ConcurrentHashMap<>();
        dumps.put("/Go/all.zip", zipOf(goRecords, 300));
        dumps.put("/Maven/all.zip", zipOf(curated, 1000));
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = dumps.get(exchange.getRequestURI().getPath());
            String etag = body == null ? "" : "\"" + body.length + "\"";
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path db = temp.resolve("db");

            CliRun first = CliRun.of(
                    "db",
                    "update",
                    "--db",
                    db.toString(),
                    "--base-url",
                    base,
                    "--ecosystem",
                    "Go",
                    "--ecosystem",
                    "Maven");
            CliRun second = CliRun.of(
                    "db",
                    "update",
                    "--db",
                    db.toString(),
                    "--base-url",
                    base,
                    "--ecosystem",
                    "Go",
                    "--ecosystem",
                    "Maven");
            CliRun status = CliRun.of("db", "status", "--db", db.toString(), "--format", "json");

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).contains("Go: downloaded", "Maven: downloaded");
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.err()).contains("Go: unchanged", "nothing changed upstream");
            JsonNode info = JSON.readTree(status.out());
            assertThat(info.path("snapshot").asBoolean()).isFalse();
            assertThat(info.path("advisoriesByEcosystem").path("Go").asInt()).isEqualTo(300);
            assertThat(info.path("advisoriesByEcosystem").path("Maven").asInt()).isEqualTo(18);
            assertThat(requests.get()).isEqualTo(4);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void update_unreachableMirror_isNoVerdict() {
        CliRun run = CliRun.of(
                "db",
                "update",
                "--db",
                temp.resolve("db").toString(),
                "--base-url",
                "http://127.0.0.1:9/",
                "--ecosystem",
                "Go",
                "--retries",
                "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(run.err()).contains("could not be updated");
    }

    @Test
    void update_plainHttpToARemoteHost_isRefusedAsUsage() {
        CliRun run = CliRun.of(
                "db",
                "update",
                "--db",
                temp.resolve("db").toString(),
                "--base-url",
                "http://mirror.example/osv",
                "--ecosystem",
                "Go");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void importExportImport_restoresTheSameDatabase() throws IOException {
        Path db = temp.resolve("db");
        Path records = Corpora.require("advisories/github-advisory-database-curated/advisories");
        Path kev = Corpora.require("cisa-kev/known_exploited_vulnerabilities.json");
        Path epss = temp.resolve("epss.csv");
        Files.writeString(
                epss,
                "#model_version:v2025.03.14,score_date:2025-08-25T00:00:00+0000\n"
                        + "cve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\n",
                StandardCharsets.UTF_8);

        assertThat(CliRun.of("db", "import", records.toString(), "--db", db.toString())
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("db", "import-kev", kev.toString(), "--db", db.toString())
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("db", "import-epss", epss.toString(), "--db", db.toString())
                        .exitCode())
                .isZero();
        Path bundle = temp.resolve("offline.bundle");
        CliRun export = CliRun.of("db", "export", bundle.toString(), "--db", db.toString());
        Path restored = temp.resolve("restored");
        CliRun restore = CliRun.of("db", "import", bundle.toString(), "--db", restored.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        JsonNode original = status(db);
        JsonNode copy = status(restored);
        assertThat(copy.path("advisories").asInt())
                .isEqualTo(original.path("advisories").asInt())
                .isEqualTo(29);
        assertThat(copy.path("kevEntries").asInt()).isEqualTo(1404);
        assertThat(copy.path("epssScores").asInt()).isEqualTo(1);
    }

    @Test
    void status_snapshotDatabase_saysSoInWords() {
        Path db = temp.resolve("db");
        Path bundle = dev.assay.testkit.ProjectRoot.require()
                .resolve("assay-engine/src/main/resources/dev/assay/engine/advisory-snapshot.bundle");
        assertThat(CliRun.of("db", "import", bundle.toString(), "--db", db.toString())
                        .exitCode())
                .isZero();

        CliRun run = CliRun.of("db", "status", "--db", db.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("SNAPSHOT", "ago", "Go", "PyPI", "crates.io", "Maven");
    }

    @Test
    void status_missingDatabase_isNoVerdict() {
        CliRun run = CliRun.of("db", "status", "--db", temp.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
    }

    @Test
    void import_garbageFileOrMissingPath_isAnInputErrorAndLeavesNoDatabase() throws IOException {
        Path garbage = temp.resolve("notes.txt");
        Files.writeString(garbage, "not advisories", StandardCharsets.UTF_8);
        Path db = temp.resolve("db");

        CliRun run = CliRun.of("db", "import", garbage.toString(), "--db", db.toString());
        CliRun missing = CliRun.of("db", "import", temp.resolve("nope").toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(CliRun.of("db", "status", "--db", db.toString()).exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
    }

    private static JsonNode status(Path db) throws IOException {
        CliRun run = CliRun.of("db", "status", "--db", db.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static byte[] zipOf(Path directory, int limit) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .limit(limit)
                    .toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
