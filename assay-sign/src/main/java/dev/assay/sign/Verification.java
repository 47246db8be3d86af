package dev.assay.sign;

/**
 * The verdict of a verifier. A rejection is a value, not an exception: verifiers throw only when they
 * cannot decide (unreadable input, missing trust material).
 */
public sealed interface Verification {
    /** @param detail what was checked, for people: key, digest, signature scheme */
    record Verified(String detail) implements Verification {}

    /** @param reason which check failed, specifically */
    record Rejected(String reason) implements Verification {}
}
