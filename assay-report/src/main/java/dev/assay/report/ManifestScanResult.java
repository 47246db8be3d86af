package dev.assay.report;

import dev.assay.model.Severity;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code assay scan k8s} found, once, for every output format: each object of the manifests with
 * its findings, the documents that could not be judged, the documents left out, and the rules the findings
 * refer to.
 *
 * @param policies the names of the policies that ran, in order
 * @param files how many files were read
 * @param resources every Kubernetes object, in file and document order, with or without findings
 * @param errors malformed or unreadable documents and files; the others were still scanned
 * @param skipped documents that are not Kubernetes objects (Helm values, empty lists)
 * @param undecided objects a policy could not reach a verdict on (a registry, a trust root unreachable):
 *     never reported as clean
 * @param rules the rules that findings refer to, by {@link ManifestRule#id()}
 */
public record ManifestScanResult(
        List<String> policies,
        int files,
        List<ManifestResource> resources,
        List<ManifestIssue> errors,
        List<ManifestIssue> skipped,
        List<ManifestIssue> undecided,
        List<ManifestRule> rules) {
    public ManifestScanResult {
        policies = List.copyOf(policies);
        resources = List.copyOf(resources);
        errors = List.copyOf(errors);
        skipped = List.copyOf(skipped);
        undecided = List.copyOf(undecided);
        rules = List.copyOf(rules);
    }

    public List<ManifestFinding> findings() {
        return resources.stream()
                .flatMap(resource -> resource.findings().stream())
                .toList();
    }

    /** Findings at or above {@code threshold}; what {@code --fail-on} trips on. */
    public List<ManifestFinding> findingsAtOrAbove(Severity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return findings().stream()
                .filter(finding -> finding.severity().atLeast(threshold))
                .toList();
    }

    public Map<Severity, Integer> countsBySeverity() {
        return counts(findings());
    }

    static Map<Severity, Integer> counts(Collection<ManifestFinding> findings) {
        EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        return counts;
    }

    public long resourcesWithFindings() {
        return resources.stream()
                .filter(resource -> !resource.findings().isEmpty())
                .count();
    }
}
