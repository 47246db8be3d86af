package dev.assay.bench;

import dev.assay.oci.ArtifactManifest;
import dev.assay.oci.Descriptor;
import dev.assay.oci.ImageReference;
import dev.assay.oci.MediaTypes;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryClientOptions;
import dev.assay.oci.RegistryRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code docker-registry} on 127.0.0.1 with storage in a temporary directory, for the benchmarks
 * that verify images against a real registry.
 */
final class LoopbackRegistry implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Path directory;
    private final Process process;
    private final int port;

    private LoopbackRegistry(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    static LoopbackRegistry start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("docker-registry is not installed (apt-get install docker-registry)");
        }
        Path directory = Files.createTempDirectory("assay-bench-registry");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(
                directory.resolve("config.yml"),
                "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n"
                        + "    rootdirectory: " + directory.resolve("storage") + "\nhttp:\n  addr: 127.0.0.1:" + port
                        + "\n  secret: bench\n");
        Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        LoopbackRegistry registry = new LoopbackRegistry(directory, process, port);
        registry.awaitPort();
        return registry;
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    /** Plain HTTP, no docker config, short timeouts: the loopback registry and nothing else. */
    static RegistryClientOptions clientOptions() {
        return RegistryClientOptions.defaults()
                .withInsecure(true)
                .withDockerConfig(null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withRetries(1, Duration.ofMillis(50));
    }

    /** Pushes a one-layer image (different {@code seed}s give different digests) and returns its reference. */
    String pushImage(String repositoryAndTag, String seed) {
        String reference = host() + "/" + repositoryAndTag;
        ImageReference parsed = ImageReference.parse(reference);
        try (RegistryClient client = new RegistryClient(clientOptions())) {
            RegistryRepository repository = client.repository(parsed, true);
            byte[] layer =
                    ("a layer that is not a tar; registries do not look: " + seed).getBytes(StandardCharsets.UTF_8);
            byte[] config =
                    "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                            .getBytes(StandardCharsets.UTF_8);
            Descriptor layerDescriptor = repository.pushBlob("application/vnd.oci.image.layer.v1.tar", layer);
            Descriptor configDescriptor = repository.pushBlob(MediaTypes.OCI_CONFIG, config);
            byte[] manifest = new ArtifactManifest(null, configDescriptor, List.of(layerDescriptor), null, Map.of())
                    .toJsonBytes();
            repository.pushManifest(parsed.tag(), manifest, MediaTypes.OCI_MANIFEST);
        }
        return reference;
    }

    private void awaitPort() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("docker-registry did not start on port " + port);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
