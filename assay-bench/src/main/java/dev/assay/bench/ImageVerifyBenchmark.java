package dev.assay.bench;

import dev.assay.engine.ImageSignatures;
import dev.assay.engine.ImageVerificationReport;
import dev.assay.oci.ImageReference;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryClientOptions;
import dev.assay.oci.RegistryRepository;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private LoopbackRegistry registry;
    private ImageSignatures signatures;
    private KeyPair keys;
    private String reference;
    private RegistryClient probeClient;
    private RegistryRepository probe;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        registry = LoopbackRegistry.start();
        RegistryClientOptions options = LoopbackRegistry.clientOptions();
        reference = registry.pushImage("bench/app:1.0", "app");
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
            registry.close();
        }
    }
}
