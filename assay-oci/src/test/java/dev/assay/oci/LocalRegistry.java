package dev.assay.oci;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Assumptions;

/**
 * A real registry ({@code docker-registry} from Debian, the CNCF distribution server) on loopback, with
 * filesystem storage in a temporary directory and optionally htpasswd basic auth. Tests using it are
 * skipped, with the reason, when the binary is not installed; {@code .ci/run} installs it. Shared with the
 * engine's and the CLI's tests through this module's test jar.
 */
public final class LocalRegistry implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/docker-registry");
    static final Path SKOPEO = Path.of("/usr/bin/skopeo");
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path log;

    private LocalRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Skips the calling test class when docker-registry is missing (skopeo is not needed). */
    public static void assumeRegistryInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(BINARY),
                "docker-registry is not installed (apt-get install docker-registry); skipping registry tests");
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(BINARY),
                "docker-registry is not installed (apt-get install docker-registry); skipping registry integration tests");
        Assumptions.assumeTrue(
                Files.isExecutable(SKOPEO),
                "skopeo is not installed (apt-get install skopeo); skipping registry integration tests");
    }

    /** Starts a registry; with a user and password it requires HTTP Basic auth from an htpasswd file. */
    public static LocalRegistry start(Path directory) throws IOException, InterruptedException {
        return start(directory, null, null);
    }

    public static LocalRegistry start(Path directory, String user, String password)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port = freePort();
        StringBuilder config = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ")
                .append(directory.resolve("storage"))
                .append("\n")
                .append("http:\n  addr: 127.0.0.1:")
                .append(port)
                .append("\n  secret: assay-test-secret\n");
        if (user != null) {
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            String hash = OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, 5);
            Path htpasswd = Files.writeString(directory.resolve("htpasswd"), user + ":" + hash + "\n");
            config.append("auth:\n  htpasswd:\n    realm: assay-test\n    path: ")
                    .append(htpasswd)
                    .append("\n");
        }
        Path configFile = Files.writeString(directory.resolve("config.yml"), config.toString());
        Path log = directory.resolve("registry.log");
        Process process = new ProcessBuilder(BINARY.toString(), "serve", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalRegistry registry = new LocalRegistry(process, port, log);
        registry.awaitReady();
        return registry;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    /** Pushes an OCI layout's tagged image with skopeo, as a user would. */
    void push(Path layout, String tag, String repository, String credentials) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                SKOPEO.toString(),
                "--insecure-policy",
                "copy",
                "--quiet",
                "--dest-tls-verify=false",
                "--preserve-digests"));
        if (credentials != null) {
            command.add("--dest-creds");
            command.add(credentials);
        }
        command.add("oci:" + layout + ":" + tag);
        command.add("docker://" + host() + "/" + repository);
        Process skopeo = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = skopeo.waitFor(60, TimeUnit.SECONDS);
        String output = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            skopeo.destroyForcibly();
            throw new IllegalStateException("skopeo copy timed out: " + output);
        }
        if (skopeo.exitValue() != 0) {
            throw new IllegalStateException("skopeo copy failed: " + output);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
                }
                try {
                    HttpResponse<Void> response = client.send(
                            HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200 || response.statusCode() == 401) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException(
                "docker-registry did not answer within " + STARTUP + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Client options for this registry: plain HTTP, no docker config, short timeouts and retries. */
    public static RegistryClientOptions clientOptions() {
        return RegistryClientOptions.defaults()
                .withInsecure(true)
                .withDockerConfig(null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withRetries(1, Duration.ofMillis(50));
    }

    /**
     * Pushes a small single-layer linux/amd64 image built from {@code seed} (different seeds, different
     * digests) with Assay's own client, and returns its manifest digest.
     */
    public Digest pushImage(String repositoryAndTag, String seed) {
        ImageReference reference = ImageReference.parse(host() + "/" + repositoryAndTag);
        TestImages.Layer layer = TestImages.Layer.gzip(new TestLayer().file("etc/seed", seed));
        TestImages.Image image = TestImages.image(java.util.List.of(layer));
        try (RegistryClient client = new RegistryClient(clientOptions())) {
            RegistryRepository repository = client.repository(reference, true);
            repository.pushBlob(layer.mediaType(), layer.blob());
            repository.pushBlob(MediaTypes.OCI_CONFIG, image.config());
            return repository
                    .pushManifest(reference.tag(), image.manifest(), MediaTypes.OCI_MANIFEST)
                    .digest();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
