package dev.assay.sign.attest;

import java.time.Instant;
import java.util.Objects;

/**
 * What a scan report does not say about itself but the vulnerability predicate records: when the scan ran
 * and which CI run asked for it.
 *
 * @param invocationUri the CI run, e.g. a GitHub Actions run URL; empty when unknown
 * @param eventId the CI run's id; empty when unknown
 * @param builderId the CI system's builder id; empty when unknown
 */
public record VulnScanContext(
        Instant scanStartedOn, Instant scanFinishedOn, String invocationUri, String eventId, String builderId) {
    public VulnScanContext {
        Objects.requireNonNull(scanStartedOn, "scanStartedOn");
        Objects.requireNonNull(scanFinishedOn, "scanFinishedOn");
        invocationUri = invocationUri == null ? "" : invocationUri;
        eventId = eventId == null ? "" : eventId;
        builderId = builderId == null ? "" : builderId;
    }
}
