package dev.assay.engine.k8s;

import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.Severity;
import dev.assay.policy.AnchoredViolation;
import dev.assay.policy.ManifestSetPolicy;
import dev.assay.policy.RuleCatalog;
import dev.assay.policy.RuleDescription;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.hardening.HardeningPolicy;
import dev.assay.policy.hardening.HardeningSetPolicy;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodSecurity;
import dev.assay.policy.pss.PodSecurityCheck;
import dev.assay.policy.pss.PodSecurityPolicy;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.report.ManifestFinding;
import dev.assay.report.ManifestIssue;
import dev.assay.report.ManifestResource;
import dev.assay.report.ManifestRule;
import dev.assay.report.ManifestScanResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code assay scan k8s}: every admission policy over every object of a manifest set, as the webhook would
 * review its creation, then every manifest-set policy over the whole set. Policies are the webhook's own
 * ({@link AdmissionPolicy}), so a CLI finding is what admission would say; more (user CEL policies, the
 * image pack) are added with {@link #withPolicies}.
 *
 * <p>Every violation is a finding, whatever its enforcement: a workload whose pod template breaks Pod
 * Security is admitted with a warning by pod-security-admission, but its pods will be denied, so it is
 * reported (with enforcement {@code warn}) and counts for {@code --fail-on}. A policy that cannot judge an
 * object (a workload without a pod template) makes that document an error; one that cannot reach a verdict
 * ({@link NoVerdictException}) makes it undecided, never clean. Pure apart from what policies do; thread-safe.
 */
public final class ManifestScan {
    private static final String PSS_HELP = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

    private final List<AdmissionPolicy> policies;
    private final List<ManifestSetPolicy> setPolicies;
    private final Set<String> skippedRules;

    public ManifestScan(List<AdmissionPolicy> policies, List<ManifestSetPolicy> setPolicies) {
        this(policies, setPolicies, Set.of());
    }

    private ManifestScan(
            List<AdmissionPolicy> policies, List<ManifestSetPolicy> setPolicies, Set<String> skippedRules) {
        this.policies = List.copyOf(policies);
        this.setPolicies = List.copyOf(setPolicies);
        this.skippedRules = Set.copyOf(skippedRules);
    }

    /**
     * The built-in packs: Pod Security at {@code level} and {@code version} (workload templates reported as
     * pod-security-admission warns about them), and the cluster-hardening pack with its manifest-set rules.
     */
    public static ManifestScan builtIn(Level level, PolicyVersion version) {
        return new ManifestScan(
                List.of(new PodSecurityPolicy(level, version, false), HardeningPolicy.forManifests()),
                List.of(HardeningSetPolicy.defaults()));
    }

    /** This scan with more admission policies, run after the ones it has. */
    public ManifestScan withPolicies(List<AdmissionPolicy> extra) {
        return new ManifestScan(Stream.concat(policies.stream(), extra.stream()).toList(), setPolicies, skippedRules);
    }

    /** This scan with more manifest-set policies. */
    public ManifestScan withSetPolicies(List<ManifestSetPolicy> extra) {
        return new ManifestScan(
                policies, Stream.concat(setPolicies.stream(), extra.stream()).toList(), skippedRules);
    }

    /**
     * This scan without findings of the rules named, each as {@code rule} or {@code policy/rule}.
     *
     * @throws InvalidInputException for a rule no policy of this scan knows, so a typo never keeps a rule on
     */
    public ManifestScan withoutRules(Collection<String> rules) {
        Set<String> known = knownRules();
        for (String rule : rules) {
            if (!known.contains(rule)) {
                throw new InvalidInputException(
                        "unknown rule '" + rule + "'; rules are named as in the report (runtime-socket-hostpath,"
                                + " cluster-hardening/runtime-socket-hostpath, runAsNonRoot)",
                        rule);
            }
        }
        Set<String> skipped = new LinkedHashSet<>(skippedRules);
        skipped.addAll(rules);
        return new ManifestScan(policies, setPolicies, skipped);
    }

    public List<String> policyNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        policies.forEach(policy -> names.add(policy.name()));
        setPolicies.forEach(policy -> names.add(policy.name()));
        return List.copyOf(names);
    }

    /** Every rule id this scan can report, bare and as {@code policy/rule}. */
    public Set<String> knownRules() {
        Set<String> known = new LinkedHashSet<>();
        for (ManifestRule rule : describedRules().values()) {
            known.add(rule.rule());
            known.add(rule.id());
        }
        return known;
    }

    public ManifestScanResult scan(ManifestSet set) {
        List<ManifestDocument> documents = set.documents();
        List<AdmissionInput> inputs = documents.stream()
                .map(document -> AdmissionInput.ofManifest(document.object()))
                .toList();
        List<List<ManifestFinding>> findings = new ArrayList<>();
        List<ManifestIssue> errors = new ArrayList<>(set.errors());
        List<ManifestIssue> undecided = new ArrayList<>();
        for (int index = 0; index < documents.size(); index++) {
            ManifestDocument document = documents.get(index);
            List<ManifestFinding> found = new ArrayList<>();
            for (AdmissionPolicy policy : policies) {
                try {
                    if (policy.appliesTo(inputs.get(index))) {
                        policy.review(inputs.get(index)).forEach(violation -> add(found, violation));
                    }
                } catch (InvalidInputException e) {
                    errors.add(issue(document, policy.name() + " cannot judge it: " + e.getMessage()));
                } catch (NoVerdictException e) {
                    undecided.add(issue(document, policy.name() + " reached no verdict: " + e.getMessage()));
                }
            }
            findings.add(found);
        }
        for (ManifestSetPolicy policy : setPolicies) {
            try {
                for (AnchoredViolation anchored : policy.review(inputs)) {
                    add(findings.get(anchored.index()), anchored.violation());
                }
            } catch (InvalidInputException e) {
                errors.add(
                        new ManifestIssue("", 0, 0, policy.name() + " cannot judge the manifests: " + e.getMessage()));
            } catch (NoVerdictException e) {
                undecided.add(new ManifestIssue("", 0, 0, policy.name() + " reached no verdict: " + e.getMessage()));
            }
        }
        List<ManifestResource> resources = new ArrayList<>();
        for (int index = 0; index < documents.size(); index++) {
            ManifestDocument document = documents.get(index);
            resources.add(new ManifestResource(
                    document.file(),
                    document.document(),
                    document.item(),
                    document.line(),
                    document.source(),
                    document.apiVersion(),
                    document.kind(),
                    document.namespace(),
                    document.name(),
                    findings.get(index)));
        }
        return new ManifestScanResult(
                policyNames(),
                set.files(),
                resources,
                errors,
                set.skipped(),
                undecided,
                List.copyOf(describedRules().values()));
    }

    private void add(List<ManifestFinding> found, PolicyViolation violation) {
        if (skippedRules.contains(violation.rule())
                || skippedRules.contains(violation.policy() + "/" + violation.rule())) {
            return;
        }
        found.add(new ManifestFinding(
                violation.policy(),
                violation.rule(),
                violation.severity(),
                violation.enforcement().label(),
                violation.message()));
    }

    private static ManifestIssue issue(ManifestDocument document, String message) {
        return new ManifestIssue(document.file(), document.document(), document.line(), message);
    }

    /** What the policies say about their rules; Pod Security is described here, from its check table. */
    private Map<String, ManifestRule> describedRules() {
        Map<String, ManifestRule> rules = new LinkedHashMap<>();
        Stream.concat(policies.stream(), setPolicies.stream()).forEach(policy -> {
            if (policy instanceof RuleCatalog catalog) {
                for (RuleDescription rule : catalog.rules()) {
                    ManifestRule described = new ManifestRule(
                            rule.policy(),
                            rule.rule(),
                            rule.severity(),
                            rule.title(),
                            rule.remediation(),
                            rule.helpUri());
                    rules.putIfAbsent(described.id(), described);
                }
            } else if (policy instanceof PodSecurityPolicy podSecurity) {
                for (PodSecurityCheck check : PodSecurity.CHECKS) {
                    ManifestRule described = new ManifestRule(
                            podSecurity.name(),
                            check.id(),
                            check.level() == Level.BASELINE ? Severity.HIGH : Severity.MEDIUM,
                            "Pod Security Standards (" + check.level().name().toLowerCase(Locale.ROOT) + "): "
                                    + check.id(),
                            "Change the pod spec as the message says, or run the workload in a namespace whose"
                                    + " Pod Security level allows it.",
                            PSS_HELP);
                    rules.putIfAbsent(described.id(), described);
                }
            }
        });
        return rules;
    }
}
