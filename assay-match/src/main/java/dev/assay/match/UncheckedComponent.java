package dev.assay.match;

import dev.assay.model.Component;
import java.util.Objects;

/**
 * A component no matcher could check, and why: users must see what a clean report did not cover.
 *
 * @param matcherId the matcher that declined it, or empty when no matcher handles its purl type
 * @param reason one line, e.g. {@code version 'latest' is not a maven version}
 */
public record UncheckedComponent(Component component, String matcherId, String reason) {
    public UncheckedComponent {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(reason, "reason");
        matcherId = matcherId == null ? "" : matcherId;
    }
}
