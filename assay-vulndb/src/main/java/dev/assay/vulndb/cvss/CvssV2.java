package dev.assay.vulndb.cvss;

import static dev.assay.vulndb.cvss.VectorGrammar.Metric.mandatory;
import static dev.assay.vulndb.cvss.VectorGrammar.Metric.optional;

import dev.assay.model.Severity;
import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import java.util.List;
import java.util.Map;

/**
 * A parsed CVSS v2 vector ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}) with its base, temporal and environmental
 * scores, computed with the equations of the CVSS v2 guide (FIRST, "A Complete Guide to the Common
 * Vulnerability Scoring System Version 2.0", section 3.2).
 *
 * <p>v2 has no version prefix. NVD wraps vectors in parentheses and some tools prepend {@code CVSS:2.0/};
 * both are tolerated on input, and {@link #vector()} writes the bare form OSV uses. Metrics may come in any
 * order; an omitted temporal or environmental metric means "Not Defined" ({@code ND}).
 */
public final class CvssV2 {
    private static final String TOLERATED_PREFIX = "CVSS:2.0/";
    private static final String[] IMPACT = {"N", "P", "C"};
    private static final String[] REQUIREMENT = {"L", "M", "H", "ND"};

    private static final VectorGrammar GRAMMAR = new VectorGrammar(List.of(
            mandatory("AV", "L", "A", "N"),
            mandatory("AC", "H", "M", "L"),
            mandatory("Au", "M", "S", "N"),
            mandatory("C", IMPACT),
            mandatory("I", IMPACT),
            mandatory("A", IMPACT),
            optional("E", "U", "POC", "F", "H", "ND"),
            optional("RL", "OF", "TF", "W", "U", "ND"),
            optional("RC", "UC", "UR", "C", "ND"),
            optional("CDP", "N", "L", "LM", "MH", "H", "ND"),
            optional("TD", "N", "L", "M", "H", "ND"),
            optional("CR", REQUIREMENT),
            optional("IR", REQUIREMENT),
            optional("AR", REQUIREMENT)));

    private final Map<String, String> metrics;

    private CvssV2(Map<String, String> metrics) {
        this.metrics = metrics;
    }

    /**
     * Parses a v2 vector.
     *
     * @throws InvalidCvssVectorException when the vector breaks the v2 grammar, including a v3 or v4 prefix
     */
    public static CvssV2 parse(String vector) {
        String body = VectorGrammar.precheck(vector);
        if (body.startsWith("(") && body.endsWith(")") && body.length() > 1) {
            body = body.substring(1, body.length() - 1);
        }
        if (body.startsWith(TOLERATED_PREFIX)) {
            body = body.substring(TOLERATED_PREFIX.length());
        } else if (body.startsWith("CVSS:")) {
            throw new InvalidCvssVectorException(Reason.WRONG_PREFIX, "a v2 vector has no CVSS: prefix", vector);
        }
        return new CvssV2(GRAMMAR.parseMetrics(body, vector));
    }

    /** The metrics as written, in the guide's order; omitted optional metrics are absent. */
    public Map<String, String> metrics() {
        return metrics;
    }

    /** The value of a metric as written, {@code ND} (Not Defined) for an omitted optional one. */
    public String metric(String key) {
        return metrics.getOrDefault(key, "ND");
    }

    /** The vector without prefix or parentheses, metrics in the guide's order. */
    public String vector() {
        return VectorGrammar.render(metrics);
    }

    /** The base score, 0.0 to 10.0 with one decimal. */
    public double baseScore() {
        return baseScore(impact());
    }

    /** The temporal score; equal to the base score when no temporal metric is defined. */
    public double temporalScore() {
        return roundToOneDecimal(baseScore() * temporalFactor());
    }

    /**
     * The environmental score: the temporal score recomputed with the adjusted impact, each step rounded
     * to one decimal as the guide's equations and worked examples do.
     */
    public double environmentalScore() {
        double adjustedImpact = Math.min(
                10,
                10.41
                        * (1
                                - (1 - impactWeight(metric("C")) * requirementWeight(metric("CR")))
                                        * (1 - impactWeight(metric("I")) * requirementWeight(metric("IR")))
                                        * (1 - impactWeight(metric("A")) * requirementWeight(metric("AR")))));
        double adjustedTemporal = roundToOneDecimal(baseScore(adjustedImpact) * temporalFactor());
        return roundToOneDecimal((adjustedTemporal + (10 - adjustedTemporal) * collateralDamageWeight(metric("CDP")))
                * targetDistributionWeight(metric("TD")));
    }

    /** The qualitative rating of the base score on the v3 scale, which is what reports compare. */
    public Severity severity() {
        return Severity.fromScore(baseScore());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CvssV2 that && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return metrics.hashCode();
    }

    @Override
    public String toString() {
        return vector();
    }

    private double impact() {
        return 10.41
                * (1
                        - (1 - impactWeight(metric("C")))
                                * (1 - impactWeight(metric("I")))
                                * (1 - impactWeight(metric("A"))));
    }

    private double baseScore(double impact) {
        double exploitability = 20
                * accessVectorWeight(metric("AV"))
                * accessComplexityWeight(metric("AC"))
                * authenticationWeight(metric("Au"));
        double impactFactor = impact == 0 ? 0 : 1.176;
        // The equation goes below zero when a Low requirement shrinks a small adjusted impact (for example
        // AV:L/AC:H/Au:M/C:P/I:N/A:N/CR:L); the guide defines scores on 0 to 10, so it stops at zero.
        return roundToOneDecimal(Math.max(0, (0.6 * impact + 0.4 * exploitability - 1.5) * impactFactor));
    }

    private double temporalFactor() {
        return exploitabilityWeight(metric("E"))
                * remediationLevelWeight(metric("RL"))
                * reportConfidenceWeight(metric("RC"));
    }

    /** The guide's round_to_1_decimal: half away from zero, as the guide's and NVD's calculators do. */
    static double roundToOneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double accessVectorWeight(String value) {
        return switch (value) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            case "N" -> 1.0;
            default -> throw unreachable("AV", value);
        };
    }

    private static double accessComplexityWeight(String value) {
        return switch (value) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            case "L" -> 0.71;
            default -> throw unreachable("AC", value);
        };
    }

    private static double authenticationWeight(String value) {
        return switch (value) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            case "N" -> 0.704;
            default -> throw unreachable("Au", value);
        };
    }

    private static double impactWeight(String value) {
        return switch (value) {
            case "N" -> 0.0;
            case "P" -> 0.275;
            case "C" -> 0.660;
            default -> throw unreachable("C/I/A", value);
        };
    }

    private static double exploitabilityWeight(String value) {
        return switch (value) {
            case "U" -> 0.85;
            case "POC" -> 0.9;
            case "F" -> 0.95;
            case "H", "ND" -> 1.0;
            default -> throw unreachable("E", value);
        };
    }

    private static double remediationLevelWeight(String value) {
        return switch (value) {
            case "OF" -> 0.87;
            case "TF" -> 0.90;
            case "W" -> 0.95;
            case "U", "ND" -> 1.0;
            default -> throw unreachable("RL", value);
        };
    }

    private static double reportConfidenceWeight(String value) {
        return switch (value) {
            case "UC" -> 0.90;
            case "UR" -> 0.95;
            case "C", "ND" -> 1.0;
            default -> throw unreachable("RC", value);
        };
    }

    private static double collateralDamageWeight(String value) {
        return switch (value) {
            case "N", "ND" -> 0.0;
            case "L" -> 0.1;
            case "LM" -> 0.3;
            case "MH" -> 0.4;
            case "H" -> 0.5;
            default -> throw unreachable("CDP", value);
        };
    }

    private static double targetDistributionWeight(String value) {
        return switch (value) {
            case "N" -> 0.0;
            case "L" -> 0.25;
            case "M" -> 0.75;
            case "H", "ND" -> 1.0;
            default -> throw unreachable("TD", value);
        };
    }

    private static double requirementWeight(String value) {
        return switch (value) {
            case "L" -> 0.5;
            case "M", "ND" -> 1.0;
            case "H" -> 1.51;
            default -> throw unreachable("CR/IR/AR", value);
        };
    }

    private static IllegalStateException unreachable(String metric, String value) {
        return new IllegalStateException("grammar admitted " + metric + ":" + value);
    }
}
