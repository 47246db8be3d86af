package dev.assay.vulndb.cvss;

import static dev.assay.vulndb.cvss.VectorGrammar.Metric.mandatory;
import static dev.assay.vulndb.cvss.VectorGrammar.Metric.optional;

import dev.assay.model.Severity;
import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed CVSS v4.0 vector and its score, computed as the FIRST CVSS v4.0 specification (section 8) and
 * its reference calculator do: the vector's MacroVector (EQ1 to EQ6) selects a score from the table of 270
 * MacroVector scores, from which a fraction of the distance to the next lower MacroVector is subtracted
 * according to how far the vector lies from the highest-severity vectors of its MacroVector.
 *
 * <p>Threat ({@code E}), environmental ({@code CR}, {@code IR}, {@code AR}, the modified base metrics) and
 * supplemental metrics are parsed and validated. The first two change the score as the specification
 * says; supplemental metrics never do. {@link #score()} is the score of the vector as written (what the
 * specification calls CVSS-B, -BT, -BE or -BTE, see {@link #nomenclature()}); {@link #baseScore()} ignores
 * everything but the base metrics.
 */
public final class CvssV4 {
    private static final String PREFIX = "CVSS:4.0/";
    private static final String[] IMPACT = {"H", "L", "N"};
    private static final String[] MODIFIED_IMPACT = {"X", "H", "L", "N"};
    private static final String[] MODIFIED_SUBSEQUENT_IMPACT = {"X", "S", "H", "L", "N"};
    private static final String[] REQUIREMENT = {"X", "H", "M", "L"};

    static final List<String> BASE_METRICS = List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
    private static final Set<String> THREAT_METRICS = Set.of("E");
    private static final Set<String> ENVIRONMENTAL_METRICS =
            Set.of("CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA");

    private static final VectorGrammar GRAMMAR = new VectorGrammar(List.of(
            // Base (specification section 2)
            mandatory("AV", "N", "A", "L", "P"),
            mandatory("AC", "L", "H"),
            mandatory("AT", "N", "P"),
            mandatory("PR", "N", "L", "H"),
            mandatory("UI", "N", "P", "A"),
            mandatory("VC", IMPACT),
            mandatory("VI", IMPACT),
            mandatory("VA", IMPACT),
            mandatory("SC", IMPACT),
            mandatory("SI", IMPACT),
            mandatory("SA", IMPACT),
            // Threat (section 3)
            optional("E", "X", "A", "P", "U"),
            // Environmental (section 4); only MSI and MSA know Safety (S)
            optional("CR", REQUIREMENT),
            optional("IR", REQUIREMENT),
            optional("AR", REQUIREMENT),
            optional("MAV", "X", "N", "A", "L", "P"),
            optional("MAC", "X", "L", "H"),
            optional("MAT", "X", "N", "P"),
            optional("MPR", "X", "N", "L", "H"),
            optional("MUI", "X", "N", "P", "A"),
            optional("MVC", MODIFIED_IMPACT),
            optional("MVI", MODIFIED_IMPACT),
            optional("MVA", MODIFIED_IMPACT),
            optional("MSC", MODIFIED_IMPACT),
            optional("MSI", MODIFIED_SUBSEQUENT_IMPACT),
            optional("MSA", MODIFIED_SUBSEQUENT_IMPACT),
            // Supplemental (section 5): informative only, never part of the score
            optional("S", "X", "N", "P"),
            optional("AU", "X", "N", "Y"),
            optional("R", "X", "A", "U", "I"),
            optional("V", "X", "D", "C"),
            optional("RE", "X", "L", "M", "H"),
            optional("U", "X", "Clear", "Green", "Amber", "Red")));

    private final Map<String, String> metrics;

    private CvssV4(Map<String, String> metrics) {
        this.metrics = metrics;
    }

    /**
     * Parses a vector that starts with {@code CVSS:4.0/}.
     *
     * @throws InvalidCvssVectorException when the vector breaks the v4.0 grammar
     */
    public static CvssV4 parse(String vector) {
        String trimmed = VectorGrammar.precheck(vector);
        if (!trimmed.startsWith(PREFIX)) {
            throw new InvalidCvssVectorException(Reason.WRONG_PREFIX, "expected " + PREFIX, vector);
        }
        return new CvssV4(GRAMMAR.parseMetrics(trimmed.substring(PREFIX.length()), vector));
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
        return PREFIX + VectorGrammar.render(metrics);
    }

    /** The score of the vector as written, with threat and environmental metrics applied. */
    public double score() {
        return CvssV4Scoring.score(this::effective);
    }

    /** The score of the base metrics alone (CVSS-B), whatever else the vector carries. */
    public double baseScore() {
        return baseOnly().score();
    }

    /** The MacroVector of the vector as written: six digits, EQ1 to EQ6. */
    public String macroVector() {
        return CvssV4Scoring.macroVector(this::effective);
    }

    /**
     * Which metric groups {@link #score()} reflects, as the specification names it: {@code CVSS-B},
     * {@code CVSS-BT}, {@code CVSS-BE} or {@code CVSS-BTE}.
     */
    public String nomenclature() {
        boolean threat = definesAny(THREAT_METRICS);
        boolean environmental = definesAny(ENVIRONMENTAL_METRICS);
        return "CVSS-B" + (threat ? "T" : "") + (environmental ? "E" : "");
    }

    /** The qualitative rating of {@link #score()}. */
    public Severity severity() {
        return Severity.fromScore(score());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CvssV4 that && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return metrics.hashCode();
    }

    @Override
    public String toString() {
        return vector();
    }

    private CvssV4 baseOnly() {
        Map<String, String> base = new LinkedHashMap<>();
        for (String key : BASE_METRICS) {
            base.put(key, metrics.get(key));
        }
        return new CvssV4(Collections.unmodifiableMap(base));
    }

    private boolean definesAny(Set<String> group) {
        for (Map.Entry<String, String> entry : metrics.entrySet()) {
            if (group.contains(entry.getKey()) && !entry.getValue().equals("X")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value a metric takes in the score (specification section 8.1): Exploit Maturity Not Defined
     * counts as Attacked and a Not Defined security requirement as High (the worst cases); a defined
     * modified base metric replaces its base metric.
     */
    private String effective(String key) {
        String written = metric(key);
        switch (key) {
            case "E" -> {
                return written.equals("X") ? "A" : written;
            }
            case "CR", "IR", "AR" -> {
                return written.equals("X") ? "H" : written;
            }
            default -> {
                String modified = metrics.get("M" + key);
                return modified == null || modified.equals("X") ? written : modified;
            }
        }
    }
}
