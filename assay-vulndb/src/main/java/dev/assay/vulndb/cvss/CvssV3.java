package dev.assay.vulndb.cvss;

import static dev.assay.vulndb.cvss.VectorGrammar.Metric.mandatory;
import static dev.assay.vulndb.cvss.VectorGrammar.Metric.optional;

import dev.assay.model.Severity;
import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import java.util.List;
import java.util.Map;

/**
 * A parsed CVSS v3.0 or v3.1 vector with its base, temporal and environmental scores, computed with the
 * equations of the FIRST CVSS v3.1 specification, section 7 (and the v3.0 specification, section 8, for
 * {@code CVSS:3.0} vectors, which differ in the rounding function and in the modified impact of a changed
 * scope).
 *
 * <p>Metrics may appear in any order, as both specifications allow; {@link #vector()} writes them in the
 * specification's order. An omitted temporal or environmental metric means "Not Defined" ({@code X}).
 */
public final class CvssV3 {
    /** The two minor versions; they share the metrics and differ in arithmetic. */
    public enum Version {
        V3_0("CVSS:3.0/"),
        V3_1("CVSS:3.1/");

        private final String prefix;

        Version(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final String[] IMPACT = {"H", "L", "N"};
    private static final String[] MODIFIED_IMPACT = {"X", "H", "L", "N"};
    private static final String[] REQUIREMENT = {"X", "H", "M", "L"};

    private static final VectorGrammar GRAMMAR = new VectorGrammar(List.of(
            mandatory("AV", "N", "A", "L", "P"),
            mandatory("AC", "L", "H"),
            mandatory("PR", "N", "L", "H"),
            mandatory("UI", "N", "R"),
            mandatory("S", "U", "C"),
            mandatory("C", IMPACT),
            mandatory("I", IMPACT),
            mandatory("A", IMPACT),
            optional("E", "X", "H", "F", "P", "U"),
            optional("RL", "X", "U", "W", "T", "O"),
            optional("RC", "X", "C", "R", "U"),
            optional("CR", REQUIREMENT),
            optional("IR", REQUIREMENT),
            optional("AR", REQUIREMENT),
            optional("MAV", "X", "N", "A", "L", "P"),
            optional("MAC", "X", "L", "H"),
            optional("MPR", "X", "N", "L", "H"),
            optional("MUI", "X", "N", "R"),
            optional("MS", "X", "U", "C"),
            optional("MC", MODIFIED_IMPACT),
            optional("MI", MODIFIED_IMPACT),
            optional("MA", MODIFIED_IMPACT)));

    private final Version version;
    private final Map<String, String> metrics;

    private CvssV3(Version version, Map<String, String> metrics) {
        this.version = version;
        this.metrics = metrics;
    }

    /**
     * Parses a vector that starts with {@code CVSS:3.0/} or {@code CVSS:3.1/}.
     *
     * @throws InvalidCvssVectorException when the vector breaks the v3 grammar
     */
    public static CvssV3 parse(String vector) {
        String trimmed = VectorGrammar.precheck(vector);
        for (Version candidate : Version.values()) {
            if (trimmed.startsWith(candidate.prefix())) {
                String metricPart = trimmed.substring(candidate.prefix().length());
                return new CvssV3(candidate, GRAMMAR.parseMetrics(metricPart, vector));
            }
        }
        throw new InvalidCvssVectorException(Reason.WRONG_PREFIX, "expected CVSS:3.0/ or CVSS:3.1/", vector);
    }

    public Version version() {
        return version;
    }

    /** The metrics as written, in the specification's order; omitted optional metrics are absent. */
    public Map<String, String> metrics() {
        return metrics;
    }

    /** The value of a metric as written, {@code X} (Not Defined) for an omitted optional one. */
    public String metric(String key) {
        return metrics.getOrDefault(key, "X");
    }

    /** The vector with its prefix and its metrics in the specification's order. */
    public String vector() {
        return version.prefix() + VectorGrammar.render(metrics);
    }

    /** The base score, 0.0 to 10.0 with one decimal (specification section 7.1). */
    public double baseScore() {
        boolean scopeChanged = metric("S").equals("C");
        double impactSubScore =
                1 - (1 - impactWeight(metric("C"))) * (1 - impactWeight(metric("I"))) * (1 - impactWeight(metric("A")));
        double impact = scopeChanged
                ? 7.52 * (impactSubScore - 0.029) - 3.25 * Math.pow(impactSubScore - 0.02, 15)
                : 6.42 * impactSubScore;
        double exploitability = 8.22
                * attackVectorWeight(metric("AV"))
                * attackComplexityWeight(metric("AC"))
                * privilegesRequiredWeight(metric("PR"), scopeChanged)
                * userInteractionWeight(metric("UI"));
        if (impact <= 0) {
            return 0.0;
        }
        return scopeChanged
                ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
                : roundUp(Math.min(impact + exploitability, 10));
    }

    /** The temporal score (section 7.2); equal to the base score when no temporal metric is defined. */
    public double temporalScore() {
        return roundUp(baseScore() * temporalFactor());
    }

    /**
     * The environmental score (section 7.3), Not Defined metrics taking their base values. Even with no
     * environmental metric defined it can differ from the temporal score for a changed scope in v3.1,
     * because v3.1 changed only the modified-impact equation; FIRST's calculator shows the same.
     */
    public double environmentalScore() {
        boolean modifiedScopeChanged = effective("MS", "S").equals("C");
        double modifiedImpactSubScore = Math.min(
                1
                        - (1 - requirementWeight(metric("CR")) * impactWeight(effective("MC", "C")))
                                * (1 - requirementWeight(metric("IR")) * impactWeight(effective("MI", "I")))
                                * (1 - requirementWeight(metric("AR")) * impactWeight(effective("MA", "A"))),
                0.915);
        double modifiedImpact;
        if (!modifiedScopeChanged) {
            modifiedImpact = 6.42 * modifiedImpactSubScore;
        } else if (version == Version.V3_0) {
            modifiedImpact =
                    7.52 * (modifiedImpactSubScore - 0.029) - 3.25 * Math.pow(modifiedImpactSubScore - 0.02, 15);
        } else {
            // v3.1 changed this term (specification section 7.3) so that a changed scope with high
            // requirements no longer scores lower than the same vector with medium ones.
            modifiedImpact = 7.52 * (modifiedImpactSubScore - 0.029)
                    - 3.25 * Math.pow(modifiedImpactSubScore * 0.9731 - 0.02, 13);
        }
        double modifiedExploitability = 8.22
                * attackVectorWeight(effective("MAV", "AV"))
                * attackComplexityWeight(effective("MAC", "AC"))
                * privilegesRequiredWeight(effective("MPR", "PR"), modifiedScopeChanged)
                * userInteractionWeight(effective("MUI", "UI"));
        if (modifiedImpact <= 0) {
            return 0.0;
        }
        double combined = modifiedScopeChanged
                ? Math.min(1.08 * (modifiedImpact + modifiedExploitability), 10)
                : Math.min(modifiedImpact + modifiedExploitability, 10);
        return roundUp(roundUp(combined) * temporalFactor());
    }

    /** The qualitative rating of the base score. */
    public Severity severity() {
        return Severity.fromScore(baseScore());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CvssV3 that && version == that.version && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return 31 * version.hashCode() + metrics.hashCode();
    }

    @Override
    public String toString() {
        return vector();
    }

    /** A modified metric's value, or the base metric's when the modified one is Not Defined. */
    private String effective(String modifiedKey, String baseKey) {
        String modified = metric(modifiedKey);
        return modified.equals("X") ? metric(baseKey) : modified;
    }

    private double temporalFactor() {
        return exploitCodeMaturityWeight(metric("E"))
                * remediationLevelWeight(metric("RL"))
                * reportConfidenceWeight(metric("RC"));
    }

    private double roundUp(double value) {
        return version == Version.V3_0 ? roundUpV30(value) : roundUpV31(value);
    }

    /**
     * The v3.0 Roundup: the smallest number with one decimal that is not below the input. It is exposed
     * to floating-point noise (0.1 * 3 * 10 is 3.0000000000000004, so it rounds up to 3.1), which is
     * exactly why v3.1 replaced it; v3.0 vectors keep it so that their scores match what was published.
     */
    static double roundUpV30(double value) {
        return Math.ceil(value * 10) / 10.0;
    }

    /**
     * The v3.1 Roundup (specification Appendix A): work on the input scaled to an integer number of
     * hundred-thousandths, so that noise below 0.00001 cannot push a score up by 0.1.
     */
    static double roundUpV31(double value) {
        long scaled = Math.round(value * 100_000);
        if (scaled % 10_000 == 0) {
            return scaled / 100_000.0;
        }
        return (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
    }

    private static double attackVectorWeight(String value) {
        return switch (value) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            case "P" -> 0.2;
            default -> throw unreachable("AV", value);
        };
    }

    private static double attackComplexityWeight(String value) {
        return switch (value) {
            case "L" -> 0.77;
            case "H" -> 0.44;
            default -> throw unreachable("AC", value);
        };
    }

    private static double privilegesRequiredWeight(String value, boolean scopeChanged) {
        return switch (value) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            case "H" -> scopeChanged ? 0.5 : 0.27;
            default -> throw unreachable("PR", value);
        };
    }

    private static double userInteractionWeight(String value) {
        return switch (value) {
            case "N" -> 0.85;
            case "R" -> 0.62;
            default -> throw unreachable("UI", value);
        };
    }

    private static double impactWeight(String value) {
        return switch (value) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            case "N" -> 0.0;
            default -> throw unreachable("C/I/A", value);
        };
    }

    private static double requirementWeight(String value) {
        return switch (value) {
            case "X", "M" -> 1.0;
            case "H" -> 1.5;
            case "L" -> 0.5;
            default -> throw unreachable("CR/IR/AR", value);
        };
    }

    private static double exploitCodeMaturityWeight(String value) {
        return switch (value) {
            case "X", "H" -> 1.0;
            case "F" -> 0.97;
            case "P" -> 0.94;
            case "U" -> 0.91;
            default -> throw unreachable("E", value);
        };
    }

    private static double remediationLevelWeight(String value) {
        return switch (value) {
            case "X", "U" -> 1.0;
            case "W" -> 0.97;
            case "T" -> 0.96;
            case "O" -> 0.95;
            default -> throw unreachable("RL", value);
        };
    }

    private static double reportConfidenceWeight(String value) {
        return switch (value) {
            case "X", "C" -> 1.0;
            case "R" -> 0.96;
            case "U" -> 0.92;
            default -> throw unreachable("RC", value);
        };
    }

    /** The grammar admits only the values the switches handle; reaching a default is a bug. */
    private static IllegalStateException unreachable(String metric, String value) {
        return new IllegalStateException("grammar admitted " + metric + ":" + value);
    }
}
