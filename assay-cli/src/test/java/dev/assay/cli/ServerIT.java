package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay server} as a real process: started from the packaged jar, stopped by SIGTERM. */
class ServerIT {
    private static final Path ROOT = ProjectRoot.require();
    private static final Path JAR = ROOT.resolve("assay-cli/target/assay.jar");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path temp;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream input = ServerIT.class.getResourceAsStream("/admission/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void server_sigterm_finishesGracefullyAfterServing() throws Exception {
        int port = freePort();
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(
                        JAVA,
                        "-jar",
                        JAR.toString(),
                        "server",
                        "--insecure-http",
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--pss",
                        "restricted",
                        "--data-dir",
                        temp.resolve("data").toString())
                .redirectError(err.toFile())
                .redirectOutput(temp.resolve("out.txt").toFile())
                .start();
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitReady(client, base, process);

            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(base.resolve("/admission/validate"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(fixture("pod-privileged.json")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"allowed\":false", "violates PodSecurity");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        // A graceful stop on SIGTERM is a success, not the JVM's default 143 (128 + SIGTERM).
        assertThat(process.exitValue()).isZero();
        String logged = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(logged)
                .contains("[AssayServer] listening on http://127.0.0.1:" + port)
                .contains("[DecisionLog] admission validate uid=8c1f3a2e-0d7b-4b8e-9a55-3f1c2b7d9e01")
                .contains("shutting down")
                .contains("[ServerLauncher] stopped");
        assertThat(Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8))
                .isEmpty();
    }

    @Test
    void otherCommands_neverLoadServerOrHelidonClasses() throws Exception {
        Path manifest = temp.resolve("pod.yaml");
        Files.writeString(manifest, "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: b}]\n");
        List<List<String>> commands = List.of(
                List.of("--version"),
                List.of(
                        "sbom",
                        ROOT.resolve("samples/webapp/frontend/package-lock.json")
                                .toString()),
                List.of("policy", "pss", "--level", "baseline", manifest.toString()));
        for (List<String> arguments : commands) {
            Path log = temp.resolve("classes-" + arguments.get(0).replace("-", "") + ".log");
            List<String> command =
                    new ArrayList<>(List.of(JAVA, "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

            String loaded = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(loaded).as(arguments.toString()).contains("dev.assay.cli.Main");
            assertThat(loaded).as(arguments.toString()).doesNotContain("dev.assay.server.", "io.helidon.");
        }
    }

    private static void awaitReady(HttpClient client, URI base, Process process) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (!process.isAlive()) {
                throw new AssertionError("assay server exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(base.resolve("/readyz")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("assay server was not ready within 30 s");
    }
}
