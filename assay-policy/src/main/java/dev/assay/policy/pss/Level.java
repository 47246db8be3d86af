package dev.assay.policy.pss;

import dev.assay.model.InvalidInputException;
import java.util.Locale;

/** Pod Security Standards levels; restricted includes every baseline check. */
public enum Level {
    BASELINE,
    RESTRICTED;

    public static Level parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "baseline" -> BASELINE;
            case "restricted" -> RESTRICTED;
            default ->
                throw new InvalidInputException(
                        "unknown Pod Security level '" + text + "' (expected baseline or restricted)", "level");
        };
    }
}
