package dev.assay.server.portfolio.triage;

import dev.assay.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A triage decision's verdict, with OpenVEX's status names (the REST contract and the OpenVEX export). */
public enum AnalysisState {
    NOT_AFFECTED,
    AFFECTED,
    FIXED,
    UNDER_INVESTIGATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a finding with this analysis stops counting: not affected, or already fixed. */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == FIXED;
    }

    /** @throws InvalidInputException for anything but the four wire names */
    public static AnalysisState parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("the state is missing; expected one of " + names(), "state");
        }
        for (AnalysisState state : values()) {
            if (state.wireName().equals(value.strip())) {
                return state;
            }
        }
        throw new InvalidInputException("unknown state '" + value + "'; expected one of " + names(), "state");
    }

    private static String names() {
        return Arrays.stream(values()).map(AnalysisState::wireName).collect(Collectors.joining(", "));
    }
}
