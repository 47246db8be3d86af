package dev.assay.engine.admission;

import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionMutator;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.policy.admission.PolicyViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured admission policies (validation) or mutators (mutation) over one request and
 * composes their verdicts into one decision: denied when any policy enforces a broken rule, with each
 * denying policy's own message; warnings for warn-mode rules; audit annotations for audit-mode rules.
 *
 * <p>A policy that cannot decide ({@link NoVerdictException}: a registry or trust root out of reach) gets
 * its {@link FailurePolicy}: {@code FAIL} denies with a message saying so, {@code IGNORE} admits with a
 * warning and an audit annotation, never silently. A policy that breaks with any other exception (a bug)
 * is treated the same way, and logged with its stack. An object a policy finds malformed is denied.
 *
 * <p>Thread-safe when the policies are, as {@link AdmissionPolicy} requires: one controller serves every
 * request of the webhook.
 */
public final class AdmissionController {
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionController.class);

    private final List<AdmissionPolicy> policies;
    private final List<AdmissionMutator> mutators;

    /**
     * @throws InvalidInputException when two policies, or two mutators, share a name: names key the
     *     metrics, the audit annotations and the log lines, so they must tell policies apart
     */
    public AdmissionController(List<? extends AdmissionPolicy> policies, List<? extends AdmissionMutator> mutators) {
        this.policies = List.copyOf(policies);
        this.mutators = List.copyOf(mutators);
        requireUniqueNames(this.policies.stream().map(AdmissionPolicy::name).toList(), "policy");
        requireUniqueNames(this.mutators.stream().map(AdmissionMutator::name).toList(), "mutator");
    }

    public List<AdmissionPolicy> policies() {
        return policies;
    }

    public List<AdmissionMutator> mutators() {
        return mutators;
    }

    /** The validating webhook's answer. */
    public AdmissionDecision validate(AdmissionInput input) {
        DecisionBuilder decision = new DecisionBuilder(input);
        for (AdmissionPolicy policy : policies) {
            List<PolicyViolation> violations;
            try {
                if (!policy.appliesTo(input)) {
                    continue;
                }
                violations = policy.review(input);
            } catch (NoVerdictException e) {
                decision.noVerdict(policy.name(), policy.failurePolicy(), e.getMessage(), hinted(e), null);
                continue;
            } catch (InvalidInputException e) {
                decision.invalid(policy.name(), e.getMessage());
                continue;
            } catch (RuntimeException e) {
                decision.noVerdict(policy.name(), policy.failurePolicy(), "internal error", "internal error", e);
                continue;
            }
            decision.reviewed(policy, violations);
        }
        return decision.build(List.of());
    }

    /**
     * The mutating webhook's answer. Each mutator sees the object with the patches of the mutators before
     * it applied; the decision's patch is their concatenation. A mutator that fails closed denies the
     * request (and no patch is returned); one that fails open is skipped with a warning.
     */
    public AdmissionDecision mutate(AdmissionInput input) {
        DecisionBuilder decision = new DecisionBuilder(input);
        List<JsonPatchOperation> patch = new ArrayList<>();
        AdmissionInput current = input;
        for (AdmissionMutator mutator : mutators) {
            try {
                if (!mutator.appliesTo(current)) {
                    continue;
                }
                List<JsonPatchOperation> operations = mutator.mutate(current);
                if (operations.isEmpty()) {
                    decision.outcome(mutator.name(), PolicyOutcome.Result.PASS, List.of(), "");
                    continue;
                }
                Map<String, Object> mutated = JsonPatches.apply(current.object(), operations);
                current = withObject(current, mutated);
                patch.addAll(operations);
                decision.outcome(mutator.name(), PolicyOutcome.Result.PATCH, List.of(), "");
            } catch (NoVerdictException e) {
                decision.noVerdict(mutator.name(), mutator.failurePolicy(), e.getMessage(), hinted(e), null);
            } catch (RuntimeException e) {
                // Includes a patch that does not apply: a mutator's bug, not the request's fault.
                decision.noVerdict(mutator.name(), mutator.failurePolicy(), "internal error", "internal error", e);
            }
        }
        return decision.build(patch);
    }

    private static String hinted(NoVerdictException e) {
        return e.hint().isEmpty() ? e.getMessage() : e.getMessage() + " (" + e.hint() + ")";
    }

    private static AdmissionInput withObject(AdmissionInput input, Map<String, Object> object) {
        return new AdmissionInput(
                input.uid(),
                input.operation(),
                input.kind(),
                input.resource(),
                input.subResource(),
                input.namespace(),
                input.name(),
                object,
                input.oldObject(),
                input.username(),
                input.groups(),
                input.dryRun());
    }

    private static void requireUniqueNames(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new InvalidInputException(
                        "two " + what + " definitions are named '" + name + "'; names must be unique", name);
            }
        }
    }

    /** Collects the verdicts of one request. */
    private static final class DecisionBuilder {
        private final AdmissionInput input;
        private final List<String> denials = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> auditAnnotations = new LinkedHashMap<>();
        private final List<PolicyOutcome> outcomes = new ArrayList<>();

        DecisionBuilder(AdmissionInput input) {
            this.input = input;
        }

        void reviewed(AdmissionPolicy policy, List<PolicyViolation> violations) {
            List<PolicyViolation> enforced = new ArrayList<>();
            List<PolicyViolation> warned = new ArrayList<>();
            List<PolicyViolation> audited = new ArrayList<>();
            for (PolicyViolation violation : violations) {
                switch (violation.enforcement()) {
                    case ENFORCE -> enforced.add(violation);
                    case WARN -> warned.add(violation);
                    case AUDIT -> audited.add(violation);
                }
            }
            if (!enforced.isEmpty()) {
                denials.add(policy.denialMessage(enforced));
            }
            if (!warned.isEmpty()) {
                warnings.add(Messages.bounded(policy.warningMessage(warned), Messages.MAX_WARNING_LENGTH));
            }
            if (!audited.isEmpty()) {
                auditAnnotations.put(
                        AuditAnnotations.key(policy.name()), AuditAnnotations.value(policy.warningMessage(audited)));
            }
            PolicyOutcome.Result result = enforced.isEmpty()
                    ? warned.isEmpty()
                            ? audited.isEmpty() ? PolicyOutcome.Result.PASS : PolicyOutcome.Result.AUDIT
                            : PolicyOutcome.Result.WARN
                    : PolicyOutcome.Result.DENY;
            outcome(policy.name(), result, violations, "");
        }

        void invalid(String policy, String why) {
            LOG.info("policy {} cannot review {}: {}", policy, describe(input), why);
            denials.add(policy + ": cannot review this object: " + why);
            outcome(policy, PolicyOutcome.Result.INVALID, List.of(), why);
        }

        /**
         * A policy or mutator without a verdict. {@code error} is set when it broke with an unexpected
         * exception (a bug): its details stay in the log, the client only learns that it failed.
         */
        void noVerdict(String policy, FailurePolicy failurePolicy, String why, String shownWhy, Throwable error) {
            boolean failClosed = failurePolicy == FailurePolicy.FAIL;
            String consequence = failClosed
                    ? "denied because its failurePolicy is Fail"
                    : "admitted without its verdict because its failurePolicy is Ignore";
            if (error != null) {
                LOG.error(
                        "policy {} failed on {} ({}); request {}",
                        policy,
                        describe(input),
                        error.toString(),
                        consequence,
                        error);
            } else {
                LOG.warn("policy {} could not decide on {}: {}; request {}", policy, describe(input), why, consequence);
            }
            String message = policy + ": no verdict (" + shownWhy + "); " + consequence;
            if (failClosed) {
                denials.add(message);
                outcome(policy, PolicyOutcome.Result.FAIL_CLOSED, List.of(), shownWhy);
            } else {
                warnings.add(Messages.bounded(message, Messages.MAX_WARNING_LENGTH));
                auditAnnotations.put(AuditAnnotations.key(policy), AuditAnnotations.value(message));
                outcome(policy, PolicyOutcome.Result.FAIL_OPEN, List.of(), shownWhy);
            }
        }

        void outcome(String policy, PolicyOutcome.Result result, List<PolicyViolation> violations, String reason) {
            outcomes.add(new PolicyOutcome(policy, result, violations, reason));
        }

        AdmissionDecision build(List<JsonPatchOperation> patch) {
            boolean allowed = denials.isEmpty();
            String message = allowed ? "" : Messages.bounded(String.join("; ", denials), Messages.MAX_MESSAGE_LENGTH);
            return new AdmissionDecision(
                    input.uid(), allowed, message, warnings, auditAnnotations, allowed ? patch : List.of(), outcomes);
        }
    }

    /** {@code Pod team-a/web uid 1234} for log lines; {@code (unnamed)} for a CREATE with generateName. */
    static String describe(AdmissionInput input) {
        String name = input.name().isEmpty() ? "(unnamed)" : input.name();
        String where = input.namespace().isEmpty() ? name : input.namespace() + "/" + name;
        return input.kind().kind() + " " + where + (input.uid().isEmpty() ? "" : " uid " + input.uid());
    }
}
