package dev.assay.policy.image;

import java.util.List;
import java.util.Objects;

/**
 * Which signatures an image needs: one by any of the authorities, or one by each of them.
 *
 * @param allOf true for {@code allOf}, false for {@code anyOf}
 */
public record SignatureRule(boolean allOf, List<Authority> authorities) {
    public SignatureRule {
        authorities = List.copyOf(authorities);
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("a signature rule names at least one authority");
        }
    }

    public String describe() {
        return allOf ? "all of " + names(authorities) : "any of " + names(authorities);
    }

    static String names(List<Authority> authorities) {
        return String.join(
                ", ",
                authorities.stream().map(Authority::name).map(Objects::toString).toList());
    }
}
