package dev.assay.server.admission;

import dev.assay.engine.admission.AdmissionDecision;
import dev.assay.engine.admission.PolicyOutcome;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.server.metrics.Counter;
import dev.assay.server.metrics.Metrics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The webhook's counters; latency is measured per route by the server. */
final class AdmissionMetrics {
    static final int MAX_KIND_LABELS = 200;
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,62}");

    private final Set<String> kindsSeen = ConcurrentHashMap.newKeySet();
    private final Counter reviews;
    private final Counter decisions;
    private final Counter failurePolicy;
    private final Counter unhandled;
    private final Counter dryRuns;
    private final Counter rejected;

    AdmissionMetrics(Metrics metrics) {
        reviews = metrics.counter(
                "assay_admission_reviews_total",
                "AdmissionReviews answered, by webhook and result (allowed, denied, or unhandled: no policy "
                        + "applied and the request was admitted by the rule for unhandled kinds).",
                "webhook",
                "result");
        decisions = metrics.counter(
                "assay_admission_policy_decisions_total",
                "Verdicts of each policy or mutator that applied to a request, by result (pass, deny, warn, "
                        + "audit, patch, fail-closed, fail-open, invalid).",
                "webhook",
                "policy",
                "result");
        failurePolicy = metrics.counter(
                "assay_admission_failure_policy_total",
                "Requests on which a policy could not decide and its failure policy applied (Fail denies, "
                        + "Ignore admits with a warning).",
                "webhook",
                "policy",
                "failure_policy");
        unhandled = metrics.counter(
                "assay_admission_unhandled_total",
                "Requests no policy applied to, admitted by the explicit rule for unhandled kinds, by kind.",
                "webhook",
                "kind");
        dryRuns = metrics.counter(
                "assay_admission_dry_run_total", "Dry-run requests (decided, but with no side effects).", "webhook");
        rejected = metrics.counter(
                "assay_admission_rejected_requests_total",
                "Requests refused before a decision, by HTTP status (400 malformed, 413 too large, 415 wrong type).",
                "webhook",
                "code");
    }

    void decided(Webhook webhook, AdmissionInput input, AdmissionDecision decision) {
        reviews.inc(webhook.label(), decision.resultLabel());
        for (PolicyOutcome outcome : decision.outcomes()) {
            decisions.inc(webhook.label(), outcome.policy(), outcome.result().label());
            if (outcome.result().failurePolicyApplied()) {
                failurePolicy.inc(
                        webhook.label(),
                        outcome.policy(),
                        outcome.result() == PolicyOutcome.Result.FAIL_CLOSED ? "Fail" : "Ignore");
            }
        }
        if (!decision.handled()) {
            unhandled.inc(webhook.label(), kindLabel(input.kind().kind()));
        }
        if (input.dryRun()) {
            dryRuns.inc(webhook.label());
        }
    }

    /**
     * The kind as a label, for the first {@value #MAX_KIND_LABELS} well-formed kinds seen; then "other".
     * Requests carry the kind, so without a bound anyone who can reach the port could grow the metrics
     * without limit.
     */
    private String kindLabel(String kind) {
        if (!KIND.matcher(kind).matches()) {
            return "other";
        }
        if (kindsSeen.contains(kind)) {
            return kind;
        }
        synchronized (kindsSeen) {
            if (kindsSeen.size() < MAX_KIND_LABELS) {
                kindsSeen.add(kind);
                return kind;
            }
        }
        return "other";
    }

    void rejected(Webhook webhook, int code) {
        rejected.inc(webhook.label(), Integer.toString(code));
    }
}
