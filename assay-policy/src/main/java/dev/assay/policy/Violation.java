package dev.assay.policy;

import java.util.Objects;

/** One broken rule: the id of the check that found it and a message naming the offending fields. */
public record Violation(String check, String message) {
    public Violation {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }
}
