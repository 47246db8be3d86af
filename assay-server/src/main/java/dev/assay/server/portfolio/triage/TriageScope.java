package dev.assay.server.portfolio.triage;

import dev.assay.model.InvalidInputException;
import java.util.Locale;

/**
 * What a decision covers, from the most specific: one finding, every version of a project (later uploads
 * included), or a package version range across the whole portfolio. A more specific decision wins.
 */
public enum TriageScope {
    FINDING,
    PROJECT,
    PURL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException for anything but finding, project and purl */
    public static TriageScope parse(String value) {
        if (value != null) {
            for (TriageScope scope : values()) {
                if (scope.wireName().equals(value.strip())) {
                    return scope;
                }
            }
        }
        throw new InvalidInputException(
                "unknown scope '" + value + "'; expected one of finding, project, purl", "scope");
    }
}
