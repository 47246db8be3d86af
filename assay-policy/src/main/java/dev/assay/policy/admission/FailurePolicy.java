package dev.assay.policy.admission;

/**
 * What a policy's verdict is when it cannot reach one (a registry or trust root is unreachable): deny the
 * request ({@link #FAIL}, the default for signature and provenance checks) or admit it with a warning and
 * a log line ({@link #IGNORE}). Never a silent allow.
 */
public enum FailurePolicy {
    FAIL,
    IGNORE
}
