package dev.assay.server.portfolio.audit;

import java.time.OffsetDateTime;

/**
 * One write, as the audit log keeps it.
 *
 * @param actor the API key's name (or {@code server}, {@code cli:<user>} for writes outside the API)
 * @param action what was done ({@code sbom.upload.created}, {@code image.link}, {@code key.revoke})
 * @param subject what it was done to ({@code shop@1.4.0}, {@code key:ci})
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String subject, String detail) {}
