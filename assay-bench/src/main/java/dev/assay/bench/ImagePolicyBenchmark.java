package dev.assay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.ImageSignatures;
import dev.assay.engine.image.ImageDigestMutator;
import dev.assay.engine.image.ImagePolicies;
import dev.assay.engine.image.ImagePolicyRuntime;
import dev.assay.engine.image.ImageSupplyChainPolicy;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * An image policy reviewing a three-container pod whose verdicts are cached (target: well under 1 ms), as
 * the admission webhook reviews the second and later pods of a deployment. The setup starts the loopback
 * registry, pushes three images referenced by tag, signs each with a key and attests SLSA provenance and a
 * clean vulnerability scan, loads a policy checking allowed registries, no latest, signatures, provenance
 * and vulnerabilities, and reviews the pod once so that every tag resolution and digest verdict is cached.
 * Each call then does what a cached admission does: find the images, run the pure checks, and look up three
 * resolutions and three verdicts. {@code mutateCached} measures the digest mutator on the same pod.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImagePolicyBenchmark {
    private LoopbackRegistry registry;
    private ImagePolicyRuntime runtime;
    private ImageSupplyChainPolicy policy;
    private ImageDigestMutator mutator;
    private AdmissionInput pod;
    private Path directory;
    private long missesAfterSetup;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        registry = LoopbackRegistry.start();
        KeyPair keys = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        List<String> images = new ArrayList<>();
        try (ImageSignatures signatures = new ImageSignatures(LoopbackRegistry.clientOptions())) {
            for (String name : List.of("web", "sidecar", "init")) {
                String reference = registry.pushImage("bench/" + name + ":1.0", name);
                signatures.sign(reference, keys.getPrivate(), keys.getPublic(), Map.of(), true);
                signatures.attest(reference, "slsaprovenance", json(PROVENANCE), keys.getPrivate(), keys.getPublic());
                signatures.attest(reference, "vuln", json(VULN), keys.getPrivate(), keys.getPublic());
                images.add(reference);
            }
        }
        directory = Files.createTempDirectory("assay-bench-policy");
        Files.writeString(directory.resolve("release.pub"), PublicKeys.encode(keys.getPublic()));
        runtime = new ImagePolicyRuntime(
                LoopbackRegistry.clientOptions(),
                Clock.systemUTC(),
                ImagePolicyRuntime.DEFAULT_CAPACITY,
                Optional.empty());
        ImagePolicies.Loaded loaded = ImagePolicies.parse(
                POLICY.replace("REGISTRY", registry.host()),
                directory.resolve("policy.yaml").toString(),
                runtime);
        policy = loaded.policies().get(0);
        mutator = loaded.mutators().get(0);
        pod = AdmissionInput.ofManifest(pod(images));
        List<PolicyViolation> violations = policy.review(pod);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the benchmark pod should be admitted: " + violations);
        }
        mutator.mutate(pod);
        missesAfterSetup = runtime.cacheStatistics().misses();
    }

    private static final String POLICY = """
            apiVersion: assay.dev/v1
            kind: ImagePolicy
            metadata:
              name: bench
            spec:
              images: ["REGISTRY/bench/**"]
              allowedRegistries: ["REGISTRY"]
              disallowLatest: true
              mutateDigest: true
              signatures:
                anyOf:
                  - name: release
                    key: {file: release.pub}
              provenance:
                builderId: https://ci.example/builder
                sourceRepository: github.com/acme/app
              vulnerabilities:
                maxSeverity: high
            """;

    private static final String PROVENANCE = """
            {"buildDefinition": {"buildType": "https://ci.example/build/v1",
              "externalParameters": {"source": "git+https://github.com/acme/app@refs/heads/main"}},
             "runDetails": {"builder": {"id": "https://ci.example/builder"}}}
            """;

    private static final String VULN = """
            {"scanner": {"uri": "https://assay.dev", "version": "0.1.0",
              "result": {"schemaVersion": "1.0", "tool": {"name": "Assay", "version": "0.1.0"}, "findings": []}},
             "metadata": {"scanStartedOn": "2025-01-01T00:00:00Z", "scanFinishedOn": "2025-01-01T00:01:00Z"}}
            """;

    private static JsonNode json(String text) {
        return SafeJson.read(text.getBytes(StandardCharsets.UTF_8), "predicate");
    }

    private static Map<String, Object> pod(List<String> images) {
        List<Object> containers = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            containers.add(Map.of("name", "c" + i, "image", images.get(i)));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", "Pod");
        object.put("metadata", Map.of("name", "web", "namespace", "default"));
        object.put("spec", Map.of("containers", containers));
        return object;
    }

    @Benchmark
    public List<PolicyViolation> reviewCached() {
        return policy.review(pod);
    }

    @Benchmark
    public List<JsonPatchOperation> mutateCached() {
        return mutator.mutate(pod);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        long misses = runtime.cacheStatistics().misses();
        runtime.close();
        registry.close();
        Files.deleteIfExists(directory.resolve("release.pub"));
        Files.deleteIfExists(directory);
        if (misses != missesAfterSetup) {
            // The benchmark claims to measure cached reviews: a miss during measurement would make it lie.
            throw new IllegalStateException((misses - missesAfterSetup) + " cache misses while measuring");
        }
    }
}
