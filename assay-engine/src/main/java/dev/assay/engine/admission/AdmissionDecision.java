package dev.assay.engine.admission;

import dev.assay.policy.admission.JsonPatchOperation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to one admission request, as an AdmissionReview response carries it.
 *
 * @param uid the request's uid, echoed so the API server can match the answer
 * @param allowed whether the request is admitted
 * @param message why it is denied (each denying policy's own denial message); empty when allowed
 * @param warnings shown to the client ({@code kubectl} prints them), from warn-mode rules and from
 *     policies admitted without a verdict
 * @param auditAnnotations recorded by the API server in its audit log, keyed by policy; the API server
 *     prefixes each key with the webhook's name
 * @param patch the JSON patch of the mutating webhook, in order; empty for validation
 * @param outcomes one per policy or mutator that applied, in configuration order
 */
public record AdmissionDecision(
        String uid,
        boolean allowed,
        String message,
        List<String> warnings,
        Map<String, String> auditAnnotations,
        List<JsonPatchOperation> patch,
        List<PolicyOutcome> outcomes) {

    /** The HTTP status a denial reports, as pod-security-admission does: the request is forbidden. */
    public static final int DENIED_STATUS_CODE = 403;

    public AdmissionDecision {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(message, "message");
        warnings = List.copyOf(warnings);
        auditAnnotations = Collections.unmodifiableMap(new LinkedHashMap<>(auditAnnotations));
        patch = List.copyOf(patch);
        outcomes = List.copyOf(outcomes);
        if (allowed && !message.isEmpty()) {
            throw new IllegalArgumentException("an admitted request carries no denial message");
        }
    }

    /**
     * Whether any policy or mutator looked at the request. A request no policy handles is admitted by the
     * webhook's explicit rule for unhandled kinds, never by a policy's verdict.
     */
    public boolean handled() {
        return !outcomes.isEmpty();
    }

    /** The overall result for logs and metrics: {@code allowed}, {@code denied} or {@code unhandled}. */
    public String resultLabel() {
        if (!allowed) {
            return "denied";
        }
        return handled() ? "allowed" : "unhandled";
    }
}
