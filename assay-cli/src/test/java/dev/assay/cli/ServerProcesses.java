package dev.assay.cli;

import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged CLI as separate processes, for the tests that run {@code assay server} and its neighbours. */
final class ServerProcesses {
    static final Path JAR = ProjectRoot.require().resolve("assay-cli/target/assay.jar");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private ServerProcesses() {}

    /**
     * {@code java -jar assay.jar ARGUMENTS} with {@code environment} added; the caller's {@code ASSAY_DB_URL}
     * and {@code ASSAY_DB} are removed first, so that a test's locations are only the ones it names.
     */
    static ProcessBuilder assay(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("ASSAY_DB_URL");
        builder.environment().remove("ASSAY_DB");
        builder.environment().putAll(environment);
        return builder;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code /readyz} for up to 60 s; fails with the server's log when it exits or never gets ready. */
    static void awaitReady(HttpClient client, URI base, Process process, Path log) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (!process.isAlive()) {
                throw new AssertionError("assay server exited with " + process.exitValue() + ":\n" + read(log));
            }
            try {
                HttpResponse<Void> ready = client.send(
                        HttpRequest.newBuilder(base.resolve("/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("assay server was not ready within 60 s:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }
}
