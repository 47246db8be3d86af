package dev.assay.model;

import java.util.List;
import java.util.Objects;

/**
 * An OSV {@code affected[].ranges[]} entry. {@code GIT} ranges name commits, not package versions, and are
 * kept for reporting only; package matching uses {@code SEMVER} and {@code ECOSYSTEM} ranges.
 *
 * @param repo the repository of a {@code GIT} range; empty otherwise
 */
public record AffectedRange(Type type, String repo, List<RangeEvent> events) {
    public AffectedRange {
        Objects.requireNonNull(type, "type");
        repo = repo == null ? "" : repo;
        events = List.copyOf(events);
    }

    public enum Type {
        SEMVER,
        ECOSYSTEM,
        GIT
    }
}
