package dev.assay.policy.admission;

import java.util.List;

/**
 * A policy the admission webhook and the CLI apply to objects: Pod Security, a user's CEL policy, the
 * image supply-chain pack. Implementations are thread-safe and hold whatever they compile or cache.
 */
public interface AdmissionPolicy {
    /** The name reported with each violation and in metrics ({@code pod-security-restricted}). */
    String name();

    /** Whether the policy looks at this request at all; skipped requests count as neither pass nor fail. */
    boolean appliesTo(AdmissionInput input);

    /**
     * The rules the object breaks; empty when it passes.
     *
     * @throws dev.assay.model.NoVerdictException when a verdict needs something unreachable (a registry, a
     *     trust root); the caller applies {@link #failurePolicy()}
     */
    List<PolicyViolation> review(AdmissionInput input);

    /**
     * The one message a denial carries for this policy's enforced violations; the API server shows it as
     * {@code admission webhook "..." denied the request: <message>}.
     */
    default String denialMessage(List<PolicyViolation> violations) {
        return name() + ": "
                + String.join(
                        "; ", violations.stream().map(PolicyViolation::message).toList());
    }

    /** The warning returned to the client for this policy's {@code warn}-mode violations. */
    default String warningMessage(List<PolicyViolation> violations) {
        return denialMessage(violations);
    }

    /** What happens when {@link #review} cannot reach a verdict. */
    default FailurePolicy failurePolicy() {
        return FailurePolicy.FAIL;
    }
}
