package dev.assay.server.portfolio.policy;

import java.util.Locale;
import java.util.Optional;

/** SARIF's {@code result.level}, most severe first (the order listings use). */
public enum ResultLevel {
    ERROR,
    WARNING,
    NOTE,
    NONE;

    /** The SARIF spelling, which is also the stored and the API's. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResultLevel> parse(String label) {
        for (ResultLevel level : values()) {
            if (level.label().equals(label)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
