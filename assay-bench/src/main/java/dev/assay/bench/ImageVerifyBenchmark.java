package dev.assay.bench;

import dev.assay.engine.ImageSignatures;
import dev.assay.engine.ImageVerificationReport;
import dev.assay.oci.ArtifactManifest;
import dev.assay.oci.Descriptor;
import dev.assay.oci.ImageReference;
import dev.assay.oci.MediaTypes;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryClientOptions;
import dev.assay.oci.RegistryRepository;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm {@code verify image} against Debian's docker-registry on loopback (target: under 20 ms): the
 * setup starts the registry, pushes a one-layer image and signs it by the .sig tag and as a bundle
 * referrer (the registry has no referrers API, so the referrers tag is read too), plus an SLSA attestation.
 * Each call resolves the tag, reads the .sig manifest, its payload blob, the referrers API (404), the
 * referrers tag index, the referrer manifest and its two blobs, and verifies two ECDSA signatures; the
 * HTTP client is reused across calls, as a long-running verifier would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImageVerifyBenchmark {
    private static final Path REGISTRY = Path.of("/usr/bin/docker-registry");

    private Path directory;
    private Process registry;
    private ImageSignatures signatures;
    private KeyPair keys;
    private String reference;
    private RegistryClient probeClient;
    private RegistryRepository probe;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (!Files.isExecutable(REGISTRY)) {
            throw new IllegalStateException("docker-registry is not installed (apt-get install docker-registry)");
        }
        directory = Files.createTempDirectory("assay-bench-registry");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(
                directory.resolve("config.yml"),
                "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n"
                        + "    rootdirectory: " + directory.resolve("storage") + "\nhttp:\n  addr: 127.0.0.1:" + port
                        + "\n  secret: bench\n");
        registry = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        awaitPort(port);
        RegistryClientOptions options = RegistryClientOptions.defaults()
                .withInsecure(true)
                .withDockerConfig(null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withRetries(1, Duration.ofMillis(50));
        reference = "127.0.0.1:" + port + "/bench/app:1.0";
        pushImage(options);
        keys = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        signatures = new ImageSignatures(options);
        signatures.sign(reference, keys.getPrivate(), keys.getPublic(), Map.of(), true);
        signatures.attest(
                reference,
                "slsaprovenance",
                dev.assay.model.untrusted.SafeJson.read(
                        "{\"buildType\":\"https://example/build\"}".getBytes(StandardCharsets.UTF_8), "predicate"),
                keys.getPrivate(),
                keys.getPublic());
        probeClient = new RegistryClient(options);
        probe = probeClient.repository(ImageReference.parse(reference), false);
        if (!verify().verified()) {
            throw new IllegalStateException("the signed image does not verify: " + verify());
        }
    }

    private void pushImage(RegistryClientOptions options) {
        try (RegistryClient client = new RegistryClient(options)) {
            RegistryRepository repository = client.repository(ImageReference.parse(reference), true);
            byte[] layer = "a layer that is not a tar; registries do not look".getBytes(StandardCharsets.UTF_8);
            byte[] config =
                    "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                            .getBytes(StandardCharsets.UTF_8);
            Descriptor layerDescriptor = repository.pushBlob("application/vnd.oci.image.layer.v1.tar", layer);
            Descriptor configDescriptor = repository.pushBlob(MediaTypes.OCI_CONFIG, config);
            byte[] manifest = new ArtifactManifest(null, configDescriptor, List.of(layerDescriptor), null, Map.of())
                    .toJsonBytes();
            repository.pushManifest("1.0", manifest, MediaTypes.OCI_MANIFEST);
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
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

    @Benchmark
    public ImageVerificationReport verify() {
        return signatures.verify(reference, keys.getPublic(), null);
    }

    /**
     * As {@link #verify}, for a verifier that has seen nothing: no documents cached by digest, and the
     * missing referrers API probed again (a 404 round trip).
     */
    @Benchmark
    public ImageVerificationReport verifyUncached() {
        signatures.forgetCachedContent();
        return signatures.verify(reference, keys.getPublic(), null);
    }

    /** One manifest GET through the same client: the registry's round trip, the unit the others are made of. */
    @Benchmark
    public Object resolveOnly() {
        return probe.resolve();
    }

    @Benchmark
    public ImageVerificationReport verifyWithAttestation() {
        return signatures.verify(reference, keys.getPublic(), "slsaprovenance");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (signatures != null) {
            signatures.close();
            probeClient.close();
        }
        if (registry != null) {
            registry.destroy();
            registry.waitFor(5, TimeUnit.SECONDS);
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
