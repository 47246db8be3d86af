package dev.assay.engine;

import dev.assay.match.UncheckedComponent;
import dev.assay.model.ScanResult;
import java.util.List;

/**
 * A scan's result and what the user should know about how complete it is.
 *
 * @param unchecked components no matcher could check (no version, a version the ecosystem cannot order,
 *     an ecosystem without advisories); never reported as clean
 * @param checkedComponents components a matcher checked
 * @param warnings VEX statements that could not be applied and similar notes, one line each
 */
public record ScanOutcome(
        ScanResult result, List<UncheckedComponent> unchecked, int checkedComponents, List<String> warnings) {
    public ScanOutcome {
        unchecked = List.copyOf(unchecked);
        warnings = List.copyOf(warnings);
    }
}
