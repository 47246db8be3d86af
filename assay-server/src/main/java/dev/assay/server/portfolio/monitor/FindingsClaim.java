package dev.assay.server.portfolio.monitor;

/**
 * What the server may say about a set of findings. Zero findings against stale advisories is not "no
 * findings": the vulnerabilities published since the data was fetched were never looked for.
 */
public enum FindingsClaim {
    NO_FINDINGS,
    FINDINGS,
    /** No findings, but the advisory data is older than the limit (or its age is unknown). */
    UNKNOWN_STALE_ADVISORIES
}
