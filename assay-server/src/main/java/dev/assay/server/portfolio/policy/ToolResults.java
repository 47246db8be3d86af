package dev.assay.server.portfolio.policy;

import java.util.List;
import java.util.Objects;

/** Everything one tool reported in one document (its runs merged): the unit an upload replaces. */
public record ToolResults(String tool, List<PolicyResult> results) {
    public ToolResults {
        Objects.requireNonNull(tool, "tool");
        results = List.copyOf(results);
    }
}
