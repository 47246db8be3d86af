package dev.assay.server.admission;

import dev.assay.engine.admission.AdmissionDecision;
import dev.assay.policy.admission.AdmissionInput;
import java.time.Duration;

/**
 * Told of every decision the webhook makes on a request a policy handled, after the response is written:
 * the decision log, and later the portfolio's record of policy results. Never called for dry-run requests,
 * which must have no side effects ({@code sideEffects: None} in the webhook configuration promises so).
 * Called on the request's thread: keep it quick, and do not throw (an exception is logged and ignored).
 */
@FunctionalInterface
public interface DecisionListener {
    void decided(Webhook webhook, AdmissionInput input, AdmissionDecision decision, Duration elapsed);
}
