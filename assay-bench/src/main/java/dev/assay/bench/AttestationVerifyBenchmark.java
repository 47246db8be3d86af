package dev.assay.bench;

import dev.assay.sign.Verification;
import dev.assay.sign.attest.AttestationDocuments;
import dev.assay.sign.attest.AttestationExpectations;
import dev.assay.sign.attest.AttestationResult;
import dev.assay.sign.attest.AttestationVerifier;
import dev.assay.sign.attest.ExpectedSubject;
import dev.assay.sign.attest.SignedAttestation;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseVerifier;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.slsa.ProvenanceGenerator;
import dev.assay.sign.slsa.ProvenanceRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a key-signed attestation (ECDSA P-256), one thread. {@code verifyEnvelopeJson} is the whole
 * path of {@code assay verify attestation} after the files are read: parse the envelope, check payload type
 * and signature, parse the statement, match predicate type and subject (target: under 1 ms).
 * {@code dsseVerifier} and {@code rawJca} compare Assay's DSSE signature check with a bare JCA
 * {@code SHA256withECDSA} verification of the same bytes (target: within 2x).
 *
 * <p>Each benchmark also counts the CPU time of its own thread ({@code cpuNanos} / {@code calls}): on a
 * shared machine the wall time of one thread depends on the other processes, its CPU time much less, and
 * "on one core" is a statement about CPU time.
 */
@State(Scope.Benchmark)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AttestationVerifyBenchmark {
    private PublicKey key;
    private byte[] envelopeJson;
    private DsseEnvelope envelope;
    private byte[] preAuthenticationEncoding;
    private byte[] signature;
    private AttestationExpectations expectations;

    @Setup
    public void signProvenance() throws GeneralSecurityException {
        KeyPair pair = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
        key = pair.getPublic();
        byte[] artifact = "release 1.2.0 of acme/app".getBytes(StandardCharsets.UTF_8);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact));
        Map<String, String> gitHub = Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/app",
                "GITHUB_REF", "refs/tags/v1.2.0",
                "GITHUB_SHA", "c27d339ee6075c1f744c5d4b200f7901aad2c369",
                "GITHUB_WORKFLOW_REF", "acme/app/.github/workflows/release.yml@refs/tags/v1.2.0",
                "GITHUB_RUN_ID", "1536140711",
                "GITHUB_RUN_ATTEMPT", "1",
                "GITHUB_EVENT_NAME", "push",
                "RUNNER_ENVIRONMENT", "github-hosted");
        SignedAttestation signed = SignedAttestation.sign(
                List.of(new Subject("app.tar", Map.of("sha256", sha256))),
                ProvenanceGenerator.generate(gitHub, ProvenanceRequest.fromEnvironment())
                        .asPredicate(),
                pair.getPrivate(),
                pair.getPublic());
        envelopeJson = signed.envelopeJson().getBytes(StandardCharsets.UTF_8);
        envelope = signed.envelope();
        preAuthenticationEncoding = envelope.signedBytes();
        signature = envelope.signatures().get(0).signature();
        expectations = new AttestationExpectations(
                PredicateTypes.accepted("slsaprovenance"), List.of(new ExpectedSubject("app.tar", sha256)));
        if (!verifyEnvelopeJson().isVerified() || !rawJca()) {
            throw new IllegalStateException("the benchmark's attestation does not verify");
        }
    }

    /** CPU time of the benchmark thread, summed per iteration; cpuNanos / calls is the CPU cost of one call. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuNanos;
        public long calls;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            calls = 0;
        }

        long start() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void stop(long start) {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            calls++;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AttestationResult verifyEnvelopeJson(CpuTime cpu) {
        long start = cpu.start();
        AttestationResult result = verifyEnvelopeJson();
        cpu.stop(start);
        return result;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Verification dsseVerifier(CpuTime cpu) {
        long start = cpu.start();
        Verification verdict = DsseVerifier.verify(envelope, key);
        cpu.stop(start);
        return verdict;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean rawJca(CpuTime cpu) throws GeneralSecurityException {
        long start = cpu.start();
        boolean valid = rawJca();
        cpu.stop(start);
        return valid;
    }

    private AttestationResult verifyEnvelopeJson() {
        DsseEnvelope parsed = AttestationDocuments.envelope(envelopeJson, "bench.intoto.json");
        return AttestationVerifier.verify(parsed, key, expectations);
    }

    private boolean rawJca() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(preAuthenticationEncoding);
        return verifier.verify(signature);
    }
}
