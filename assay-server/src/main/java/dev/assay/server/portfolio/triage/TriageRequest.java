package dev.assay.server.portfolio.triage;

/**
 * A decision as submitted ({@code POST /api/v1/triage}), every field as text so that validation, with its
 * messages, happens in one place ({@link Triage#record}). Which target fields count depends on the scope:
 * {@code findingId} for finding, {@code project} for project, {@code purl} (no version) and an optional
 * {@code range} ({@code vers:maven/<2.17.1}) for purl.
 *
 * @param vulnerability any name of the vulnerability (CVE, GHSA, OSV id); optional for scope finding
 * @param author who decided (the API key's name)
 */
public record TriageRequest(
        String vulnerability,
        String scope,
        Long findingId,
        String project,
        String purl,
        String range,
        String state,
        String justification,
        String comment,
        String author) {}
