package dev.assay.policy.admission;

import dev.assay.model.InvalidInputException;
import java.util.Locale;

/** What a violated policy does to the request: deny it, let it through with a warning, or only record it. */
public enum Enforcement {
    ENFORCE,
    WARN,
    AUDIT;

    /** The mode as policy documents and flags spell it ({@code enforce}, {@code warn}, {@code audit}). */
    public static Enforcement parse(String text, String input) {
        if (text != null) {
            for (Enforcement value : values()) {
                if (value.name().equalsIgnoreCase(text.strip())) {
                    return value;
                }
            }
        }
        throw new InvalidInputException(
                "unknown enforcement mode '" + text + "': expected enforce, warn or audit", input);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
