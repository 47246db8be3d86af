package dev.assay.server.portfolio.policy;

import java.time.OffsetDateTime;

/**
 * A policy result as the portfolio keeps it.
 *
 * @param location null when the report gave none
 * @param uploadedAt when the report it came from was uploaded
 */
public record StoredPolicyResult(
        String tool, String rule, ResultLevel level, String message, String location, OffsetDateTime uploadedAt) {}
