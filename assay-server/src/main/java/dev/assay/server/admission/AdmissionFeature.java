package dev.assay.server.admission;

import dev.assay.engine.admission.AdmissionController;
import dev.assay.engine.admission.AdmissionDecision;
import dev.assay.engine.admission.AdmissionReviews;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.server.HttpErrors;
import dev.assay.server.RequestBodies;
import dev.assay.server.ServerFeature;
import dev.assay.server.metrics.Metrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admission webhook's routes. A request no policy applies to is admitted by an explicit rule (the
 * webhook configuration decides which requests reach Assay; Assay does not deny what it has no policy
 * for), logged at debug and counted in {@code assay_admission_unhandled_total}.
 */
public final class AdmissionFeature implements ServerFeature {
    /** The API server's own limit on request bodies is 3 MiB; an AdmissionReview carries up to two objects. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 3L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionFeature.class);
    private static final String JSON = "application/json";

    private final AdmissionController controller;
    private final long maxRequestBytes;
    private final List<DecisionListener> listeners;
    private AdmissionMetrics metrics;

    public AdmissionFeature(AdmissionController controller, long maxRequestBytes, List<DecisionListener> listeners) {
        if (maxRequestBytes < 1024) {
            throw new InvalidInputException(
                    "the request size limit must be at least 1024 bytes, not " + maxRequestBytes,
                    Long.toString(maxRequestBytes));
        }
        this.controller = controller;
        this.maxRequestBytes = maxRequestBytes;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public String name() {
        return "admission";
    }

    @Override
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Policies are loaded before the server listens, so the webhook is ready as soon as it serves. */
    @Override
    public Optional<String> notReady() {
        return Optional.empty();
    }

    @Override
    public void routing(HttpRouting.Builder routing, Metrics registry) {
        metrics = new AdmissionMetrics(registry);
        for (Webhook webhook : Webhook.values()) {
            routing.post(webhook.path(), (request, response) -> review(webhook, request, response));
            routing.any(webhook.path(), (request, response) -> {
                response.header(HeaderNames.ALLOW, "POST");
                HttpErrors.send(response, Status.METHOD_NOT_ALLOWED_405, webhook.path() + " accepts POST only");
            });
        }
    }

    private void review(Webhook webhook, ServerRequest request, ServerResponse response) {
        long start = System.nanoTime();
        Optional<byte[]> body = RequestBodies.read(request, response, JSON, maxRequestBytes);
        if (body.isEmpty()) {
            metrics.rejected(webhook, response.status().code());
            return;
        }
        AdmissionInput input;
        try {
            input = AdmissionReviews.read(body.get(), "request body");
        } catch (InvalidInputException e) {
            metrics.rejected(webhook, Status.BAD_REQUEST_400_CODE);
            LOG.debug(
                    "{}: malformed AdmissionReview from {}: {}",
                    webhook.path(),
                    request.remotePeer().host(),
                    e.getMessage());
            HttpErrors.send(response, Status.BAD_REQUEST_400, e.getMessage());
            return;
        }
        AdmissionDecision decision =
                webhook == Webhook.VALIDATE ? controller.validate(input) : controller.mutate(input);
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(AdmissionReviews.write(decision));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        metrics.decided(webhook, input, decision);
        record(webhook, input, decision, elapsed);
    }

    private void record(Webhook webhook, AdmissionInput input, AdmissionDecision decision, Duration elapsed) {
        if (!decision.handled()) {
            LOG.debug(
                    "{}: no policy applies to {} {}; allowed by the rule for unhandled kinds",
                    webhook.path(),
                    DecisionLog.kind(input),
                    DecisionLog.object(input));
            return;
        }
        if (input.dryRun()) {
            // No side effects for dry runs: no decision record, only a debug line.
            if (LOG.isDebugEnabled()) {
                LOG.debug("dry run, not recorded: {}", DecisionLog.line(webhook, input, decision, elapsed));
            }
            return;
        }
        for (DecisionListener listener : listeners) {
            try {
                listener.decided(webhook, input, decision, elapsed);
            } catch (RuntimeException e) {
                LOG.warn("decision listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}
