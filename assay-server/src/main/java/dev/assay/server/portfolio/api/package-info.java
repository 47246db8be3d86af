/**
 * The portfolio REST API ({@code /api/v1}) on the Assay server: {@link
 * dev.assay.server.portfolio.api.PortfolioFeature} wires authentication, CORS, size limits and one error
 * shape around route groups ({@link dev.assay.server.portfolio.api.ApiRoutes}), so that each group only
 * states its paths and the scope each needs.
 */
package dev.assay.server.portfolio.api;
