package dev.assay.server.portfolio.api;

/**
 * Answers one API request. Throw {@link ApiProblem} for a refusal; an {@link
 * dev.assay.model.InvalidInputException} becomes 400 (413 when the input was too large), a database failure
 * 503, anything else 500 with a generic message.
 */
@FunctionalInterface
public interface ApiHandler {
    void handle(ApiExchange exchange) throws Exception;
}
