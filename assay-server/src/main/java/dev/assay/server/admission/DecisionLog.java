package dev.assay.server.admission;

import dev.assay.engine.admission.AdmissionDecision;
import dev.assay.policy.admission.AdmissionInput;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One info line per decision: {@code admission validate uid=... kind=apps/v1/Deployment
 * object=team-b/api operation=CREATE user=... result=denied policies=pod-security-restricted=deny
 * took=0.41ms}. Values from the request are made printable first: a hostile request cannot forge lines.
 */
public final class DecisionLog implements DecisionListener {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    @Override
    public void decided(Webhook webhook, AdmissionInput input, AdmissionDecision decision, Duration elapsed) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(webhook, input, decision, elapsed));
        }
    }

    static String line(Webhook webhook, AdmissionInput input, AdmissionDecision decision, Duration elapsed) {
        String policies = decision.outcomes().stream()
                .map(outcome ->
                        printable(outcome.policy()) + "=" + outcome.result().label())
                .collect(Collectors.joining(","));
        return "admission " + webhook.label()
                + " uid=" + printable(input.uid())
                + " kind=" + kind(input)
                + " object=" + object(input)
                + " operation=" + input.operation()
                + " user=" + printable(input.username())
                + " result=" + decision.resultLabel()
                + " policies=" + (policies.isEmpty() ? "none" : policies)
                + (decision.patch().isEmpty()
                        ? ""
                        : " patch=" + decision.patch().size() + "ops")
                + " took=" + String.format(Locale.ROOT, "%.2fms", elapsed.toNanos() / 1e6);
    }

    static String kind(AdmissionInput input) {
        AdmissionInput.GroupVersionKind kind = input.kind();
        String groupVersion = kind.group().isEmpty() ? kind.version() : kind.group() + "/" + kind.version();
        return printable(groupVersion + "/" + kind.kind());
    }

    static String object(AdmissionInput input) {
        String name = input.name().isEmpty() ? "(unnamed)" : input.name();
        return printable(input.namespace().isEmpty() ? name : input.namespace() + "/" + name);
    }

    /** Control characters and spaces become '_', and values are capped: one request, one short line. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 256));
        for (int i = 0; i < value.length() && i < 253; i++) {
            char character = value.charAt(i);
            out.append(Character.isISOControl(character) || Character.isWhitespace(character) ? '_' : character);
        }
        if (value.length() > 253) {
            out.append("...");
        }
        return out.toString();
    }
}
