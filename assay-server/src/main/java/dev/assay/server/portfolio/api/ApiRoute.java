package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.auth.Scope;

/**
 * A registered endpoint.
 *
 * @param path under {@code /api/v1}, with {@code {name}} parameters as OpenAPI writes them
 */
public record ApiRoute(String method, String path, Scope scope) {}
