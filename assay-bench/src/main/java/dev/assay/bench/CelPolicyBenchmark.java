package dev.assay.bench;

import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.cel.CelPolicy;
import dev.assay.policy.cel.PolicyResult;
import dev.assay.policy.cel.RuleResult;
import dev.assay.policy.document.PolicyDocuments;
import dev.assay.policy.document.ResourceDocuments;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CEL policy evaluation on one thread, over a three-container pod parsed once (as the webhook parses a
 * request once): the whole {@link CelPolicy#evaluate} path (match, request context, evaluation budget, one
 * result per rule), not only the compiled program. Target (issue 5): at least 200,000 evaluations per second
 * per core for a typical rule.
 *
 * <ul>
 *   <li>{@code typicalRule}: one validation, every container runs as non-root and names no latest image.
 *   <li>{@code policyWithVariables}: the run-as-non-root policy of samples/policies, three variables and a
 *       message expression, on a compliant pod (the common case, where messages are not computed).
 *   <li>{@code reviewDenied}: {@link CelPolicy#review} of a pod that fails, with its message expression.
 * </ul>
 *
 * <p>Each benchmark also counts the CPU time of its own thread ({@code cpuNanos} / {@code calls}): "per core"
 * is a statement about CPU time, and on this shared machine wall time also measures the other processes.
 * The counters include JMH's own loop, so they slightly overstate the cost of a call.
 */
@State(Scope.Benchmark)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CelPolicyBenchmark {
    static final String TYPICAL_RULE = """
            apiVersion: assay.dev/v1
            kind: Policy
            metadata:
              name: pod-hygiene
            spec:
              match:
                resources: [{kinds: [Pod]}]
              validations:
              - name: non-root-pinned-images
                expression: >-
                  object.spec.containers.all(c,
                    has(c.securityContext) && has(c.securityContext.runAsNonRoot) && c.securityContext.runAsNonRoot
                    && !c.image.endsWith(':latest'))
                message: containers must run as non-root and not use latest images
            """;

    static final String WITH_VARIABLES = """
            apiVersion: assay.dev/v1
            kind: Policy
            metadata:
              name: require-run-as-non-root
            spec:
              match:
                resources:
                - kinds: [Pod]
                - apiGroups: [apps]
                  kinds: [Deployment, StatefulSet, DaemonSet, ReplicaSet]
              variables:
              - name: podSpec
                expression: "object.kind == 'Pod' ? object.spec : object.spec.template.spec"
              - name: podRunsAsNonRoot
                expression: >-
                  has(variables.podSpec.securityContext) && has(variables.podSpec.securityContext.runAsNonRoot)
                  && variables.podSpec.securityContext.runAsNonRoot == true
              - name: rootContainers
                expression: >-
                  variables.podSpec.containers.filter(c,
                    !(has(c.securityContext) && has(c.securityContext.runAsNonRoot)
                      ? c.securityContext.runAsNonRoot == true
                      : variables.podRunsAsNonRoot))
              validations:
              - name: containers-run-as-non-root
                expression: "size(variables.rootContainers) == 0"
                messageExpression: >-
                  'containers may run as root (set securityContext.runAsNonRoot: true): '
                  + variables.rootContainers.map(c, c.name).join(', ')
              exceptions:
              - name: system-namespaces
                namespaces: [kube-system]
            """;

    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
              labels: {app: web, tier: frontend}
            spec:
              containers:
              - name: app
                image: registry.example.com/shop/web:1.4.2
                ports: [{containerPort: 8080}]
                securityContext: {runAsNonRoot: %1$s, allowPrivilegeEscalation: false}
                resources: {limits: {cpu: 500m, memory: 512Mi}}
              - name: metrics
                image: registry.example.com/shop/metrics:0.9.1
                securityContext: {runAsNonRoot: true}
                resources: {limits: {cpu: 100m, memory: 64Mi}}
              - name: proxy
                image: registry.example.com/proxy:2.3.0
                securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}
                resources: {limits: {cpu: 200m, memory: 128Mi}}
            """;

    private CelPolicy typicalRule;
    private CelPolicy withVariables;
    private AdmissionInput compliantPod;
    private AdmissionInput rootPod;

    @Setup
    public void compile() {
        typicalRule = PolicyDocuments.parse(TYPICAL_RULE, "typical.yaml").get(0);
        withVariables =
                PolicyDocuments.parse(WITH_VARIABLES, "with-variables.yaml").get(0);
        compliantPod = ResourceDocuments.parse(POD.formatted("true"), "pod.yaml")
                .get(0)
                .admissionInput("");
        rootPod = ResourceDocuments.parse(POD.formatted("false"), "pod.yaml")
                .get(0)
                .admissionInput("");
        if (!typicalRule.evaluate(compliantPod).rules().stream().allMatch(CelPolicyBenchmark::passed)
                || !withVariables.evaluate(compliantPod).rules().stream().allMatch(CelPolicyBenchmark::passed)
                || withVariables.review(rootPod).size() != 1) {
            throw new IllegalStateException("the benchmark's policies do not decide as expected");
        }
    }

    private static boolean passed(RuleResult rule) {
        return rule.outcome() == RuleResult.Outcome.PASS;
    }

    /**
     * CPU time of the benchmark thread over each iteration, and the calls made in it: cpuNanos / calls is the
     * CPU cost of one call. Read once per iteration rather than around each call, because reading a thread's
     * CPU clock costs about a microsecond, as much as the evaluation measured.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuNanos;
        public long calls;
        private long iterationStart;

        @Setup(Level.Iteration)
        public void start() {
            cpuNanos = 0;
            calls = 0;
            iterationStart = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - iterationStart;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PolicyResult typicalRule(CpuTime cpu) {
        cpu.calls++;
        return typicalRule.evaluate(compliantPod);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PolicyResult policyWithVariables(CpuTime cpu) {
        cpu.calls++;
        return withVariables.evaluate(compliantPod);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<PolicyViolation> reviewDenied(CpuTime cpu) {
        cpu.calls++;
        return withVariables.review(rootPod);
    }
}
