package dev.assay.server.portfolio.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.triage.Triage;
import dev.assay.server.portfolio.triage.TriageDecision;
import dev.assay.server.portfolio.triage.TriageRequest;
import io.helidon.http.Status;

/** {@code POST /triage}: a decision, recorded under the caller's key name. */
final class TriageRoutes implements ApiRoutes {
    private final Triage triage;

    TriageRoutes(Triage triage) {
        this.triage = triage;
    }

    @Override
    public void register(ApiRouter router) {
        router.post("/triage", Scope.TRIAGE, exchange -> {
            JsonNode body = exchange.jsonBody();
            // Validation of the values (scope, state, justification, targets) is the triage module's, in one place.
            TriageDecision decision = triage.record(new TriageRequest(
                    text(body, "vulnerability"),
                    text(body, "scope"),
                    findingId(body),
                    text(body, "project"),
                    text(body, "purl"),
                    text(body, "range"),
                    text(body, "state"),
                    text(body, "justification"),
                    text(body, "comment"),
                    exchange.caller().name()));
            exchange.respond(Status.CREATED_201, ApiViews.decision(decision));
        });
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiProblem.badRequest("the field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static Long findingId(JsonNode body) {
        JsonNode value = body.get("findingId");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ApiProblem.badRequest("the field 'findingId' must be an integer");
        }
        return value.asLong();
    }
}
