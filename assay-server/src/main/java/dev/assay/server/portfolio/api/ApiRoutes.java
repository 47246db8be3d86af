package dev.assay.server.portfolio.api;

/**
 * One group of REST endpoints (projects, findings, triage, webhooks...). A group only says which paths it
 * serves and which scope each needs; authentication, scope checks, error mapping and the size limits are
 * applied by {@link ApiRouter} for every group alike, so a new group cannot forget them.
 */
public interface ApiRoutes {
    void register(ApiRouter router);
}
