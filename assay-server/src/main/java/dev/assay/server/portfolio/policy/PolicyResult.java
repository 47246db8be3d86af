package dev.assay.server.portfolio.policy;

import java.util.Objects;

/**
 * One result of a policy check, as a SARIF report states it.
 *
 * @param rule the rule's id; empty when the report names none
 * @param location {@code uri:line} of the first physical location, else the first logical location's
 *     fully qualified name; null when the result has neither
 */
public record PolicyResult(String rule, ResultLevel level, String message, String location) {
    public PolicyResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }
}
