package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions over example orderings, checking both directions of every comparison. */
final class Orderings {
    private Orderings() {}

    /** Every version sorts strictly before every later one, in both directions of comparison. */
    static void assertAscending(VersionScheme scheme, List<String> versions) {
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                assertRelation(scheme, versions.get(i), "<", versions.get(j));
            }
        }
    }

    /** {@code left relation right} with relation one of {@code <}, {@code =}, {@code >}. */
    static void assertRelation(VersionScheme scheme, String left, String relation, String right) {
        int expected = switch (relation) {
            case "<" -> -1;
            case "=" -> 0;
            case ">" -> 1;
            default -> throw new IllegalArgumentException("relation " + relation);
        };
        assertThat(Integer.signum(scheme.compare(left, right)))
                .as("%s: %s %s %s", scheme.id(), left, relation, right)
                .isEqualTo(expected);
        assertThat(Integer.signum(scheme.compare(right, left)))
                .as("%s: %s %s %s (reversed)", scheme.id(), right, relation, left)
                .isEqualTo(-expected);
        assertThat(scheme.equivalent(left, right))
                .as("%s: %s equivalent to %s", scheme.id(), left, right)
                .isEqualTo(expected == 0);
    }
}
