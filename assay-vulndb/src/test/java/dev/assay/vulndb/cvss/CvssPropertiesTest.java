package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the scores over generated valid vectors. A vector is generated as an ordered map of
 * metric to value (every mandatory metric, each optional one present or not), written in the
 * specification's order.
 */
class CvssPropertiesTest {
    private static final List<String> IMPACT_ORDER = List.of("N", "L", "H");

    private static final Map<String, List<String>> V3_BASE = ordered(
            "AV", "N,A,L,P", "AC", "L,H", "PR", "N,L,H", "UI", "N,R", "S", "U,C", "C", "H,L,N", "I", "H,L,N", "A",
            "H,L,N");
    private static final Map<String, List<String>> V3_OPTIONAL = ordered(
            "E",
            "X,H,F,P,U",
            "RL",
            "X,U,W,T,O",
            "RC",
            "X,C,R,U",
            "CR",
            "X,H,M,L",
            "IR",
            "X,H,M,L",
            "AR",
            "X,H,M,L",
            "MAV",
            "X,N,A,L,P",
            "MAC",
            "X,L,H",
            "MPR",
            "X,N,L,H",
            "MUI",
            "X,N,R",
            "MS",
            "X,U,C",
            "MC",
            "X,H,L,N",
            "MI",
            "X,H,L,N",
            "MA",
            "X,H,L,N");
    private static final Map<String, List<String>> V4_BASE = ordered(
            "AV", "N,A,L,P", "AC", "L,H", "AT", "N,P", "PR", "N,L,H", "UI", "N,P,A", "VC", "H,L,N", "VI", "H,L,N", "VA",
            "H,L,N", "SC", "H,L,N", "SI", "H,L,N", "SA", "H,L,N");
    private static final Map<String, List<String>> V4_OPTIONAL = ordered(
            "E",
            "X,A,P,U",
            "CR",
            "X,H,M,L",
            "IR",
            "X,H,M,L",
            "AR",
            "X,H,M,L",
            "MAV",
            "X,N,A,L,P",
            "MAC",
            "X,L,H",
            "MAT",
            "X,N,P",
            "MPR",
            "X,N,L,H",
            "MUI",
            "X,N,P,A",
            "MVC",
            "X,H,L,N",
            "MVI",
            "X,H,L,N",
            "MVA",
            "X,H,L,N",
            "MSC",
            "X,H,L,N",
            "MSI",
            "X,S,H,L,N",
            "MSA",
            "X,S,H,L,N",
            "S",
            "X,N,P",
            "AU",
            "X,N,Y",
            "R",
            "X,A,U,I",
            "V",
            "X,D,C",
            "RE",
            "X,L,M,H",
            "U",
            "X,Clear,Green,Amber,Red");
    private static final Map<String, List<String>> V2_BASE =
            ordered("AV", "L,A,N", "AC", "H,M,L", "Au", "M,S,N", "C", "N,P,C", "I", "N,P,C", "A", "N,P,C");
    private static final Map<String, List<String>> V2_OPTIONAL = ordered(
            "E",
            "U,POC,F,H,ND",
            "RL",
            "OF,TF,W,U,ND",
            "RC",
            "UC,UR,C,ND",
            "CDP",
            "N,L,LM,MH,H,ND",
            "TD",
            "N,L,M,H,ND",
            "CR",
            "L,M,H,ND",
            "IR",
            "L,M,H,ND",
            "AR",
            "L,M,H,ND");

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void v3Scores_anyValidVector_areBetweenZeroAndTenWithOneDecimal(@ForAll("v3Vectors") String vector) {
        CvssV3 parsed = CvssV3.parse(vector);

        for (double score : List.of(parsed.baseScore(), parsed.temporalScore(), parsed.environmentalScore())) {
            assertScoreShape(score);
        }
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void v3BaseScore_raisingAnImpactMetric_neverLowersIt(@ForAll("v3BaseVectors") Map<String, String> metrics) {
        for (String prefix : List.of("CVSS:3.0/", "CVSS:3.1/")) {
            double before = CvssV3.parse(prefix + VectorGrammar.render(metrics)).baseScore();
            for (String impact : List.of("C", "I", "A")) {
                raised(metrics, impact)
                        .ifPresent(higher -> assertThat(CvssV3.parse(prefix + VectorGrammar.render(higher))
                                        .baseScore())
                                .as("raising %s in %s%s", impact, prefix, metrics)
                                .isGreaterThanOrEqualTo(before));
            }
        }
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void v3Vector_roundTripsAndIgnoresMetricOrder(@ForAll("v3Vectors") String vector) {
        CvssV3 parsed = CvssV3.parse(vector);

        assertThat(parsed.vector()).isEqualTo(vector);
        assertThat(CvssV3.parse(shuffled(vector, parsed.version().prefix()))).isEqualTo(parsed);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void v4Score_anyValidVector_isBetweenZeroAndTenWithOneDecimal(@ForAll("v4Vectors") String vector) {
        CvssV4 parsed = CvssV4.parse(vector);

        assertScoreShape(parsed.score());
        assertScoreShape(parsed.baseScore());
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void v4Score_raisingAnImpactMetric_neverLowersIt(@ForAll("v4BaseVectors") Map<String, String> metrics) {
        double before =
                CvssV4.parse("CVSS:4.0/" + VectorGrammar.render(metrics)).score();
        for (String impact : List.of("VC", "VI", "VA", "SC", "SI", "SA")) {
            raised(metrics, impact)
                    .ifPresent(higher -> assertThat(CvssV4.parse("CVSS:4.0/" + VectorGrammar.render(higher))
                                    .score())
                            .as("raising %s in %s", impact, metrics)
                            .isGreaterThanOrEqualTo(before));
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void v4Vector_roundTripsAndIgnoresMetricOrder(@ForAll("v4Vectors") String vector) {
        CvssV4 parsed = CvssV4.parse(vector);

        assertThat(parsed.vector()).isEqualTo(vector);
        assertThat(CvssV4.parse(shuffled(vector, "CVSS:4.0/"))).isEqualTo(parsed);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void v2Scores_anyValidVector_areBetweenZeroAndTenWithOneDecimal(@ForAll("v2Vectors") String vector) {
        CvssV2 parsed = CvssV2.parse(vector);

        for (double score : List.of(parsed.baseScore(), parsed.temporalScore(), parsed.environmentalScore())) {
            assertScoreShape(score);
        }
        assertThat(parsed.vector()).isEqualTo(vector);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void v2BaseScore_raisingAnImpactMetric_neverLowersIt(@ForAll("v2BaseVectors") Map<String, String> metrics) {
        double before = CvssV2.parse(VectorGrammar.render(metrics)).baseScore();
        for (String impact : List.of("C", "I", "A")) {
            String current = metrics.get(impact);
            if (!current.equals("C")) {
                Map<String, String> higher = new LinkedHashMap<>(metrics);
                higher.put(impact, current.equals("N") ? "P" : "C");
                assertThat(CvssV2.parse(VectorGrammar.render(higher)).baseScore())
                        .isGreaterThanOrEqualTo(before);
            }
        }
    }

    @Provide
    Arbitrary<String> v3Vectors() {
        return Combinators.combine(Arbitraries.of("CVSS:3.0/", "CVSS:3.1/"), vectors(V3_BASE, V3_OPTIONAL))
                .as((prefix, metrics) -> prefix + VectorGrammar.render(metrics));
    }

    @Provide
    Arbitrary<Map<String, String>> v3BaseVectors() {
        return vectors(V3_BASE, Map.of());
    }

    @Provide
    Arbitrary<String> v4Vectors() {
        return vectors(V4_BASE, V4_OPTIONAL).map(metrics -> "CVSS:4.0/" + VectorGrammar.render(metrics));
    }

    @Provide
    Arbitrary<Map<String, String>> v4BaseVectors() {
        return vectors(V4_BASE, Map.of());
    }

    @Provide
    Arbitrary<String> v2Vectors() {
        return vectors(V2_BASE, V2_OPTIONAL).map(VectorGrammar::render);
    }

    @Provide
    Arbitrary<Map<String, String>> v2BaseVectors() {
        return vectors(V2_BASE, Map.of());
    }

    /** Every mandatory metric with one of its values, then each optional metric absent or with a value. */
    private static Arbitrary<Map<String, String>> vectors(
            Map<String, List<String>> mandatory, Map<String, List<String>> optional) {
        List<Arbitrary<Optional<Map.Entry<String, String>>>> parts = new ArrayList<>();
        mandatory.forEach((key, values) ->
                parts.add(Arbitraries.of(values).map(value -> Optional.of(Map.entry(key, value)))));
        optional.forEach((key, values) -> parts.add(
                Arbitraries.of(values).map(value -> Map.entry(key, value)).optional()));
        return Combinators.combine(parts).as(entries -> {
            Map<String, String> metrics = new LinkedHashMap<>();
            entries.forEach(entry -> entry.ifPresent(present -> metrics.put(present.getKey(), present.getValue())));
            return metrics;
        });
    }

    /** The metrics with one impact metric raised by one level (N to L, L to H); empty if already High. */
    private static Optional<Map<String, String>> raised(Map<String, String> metrics, String impact) {
        int level = IMPACT_ORDER.indexOf(metrics.get(impact));
        if (level == IMPACT_ORDER.size() - 1) {
            return Optional.empty();
        }
        Map<String, String> higher = new LinkedHashMap<>(metrics);
        higher.put(impact, IMPACT_ORDER.get(level + 1));
        return Optional.of(higher);
    }

    /** The same vector with its metrics reversed: a deterministic reordering every vector has. */
    private static String shuffled(String vector, String prefix) {
        List<String> pairs =
                new ArrayList<>(List.of(vector.substring(prefix.length()).split("/")));
        java.util.Collections.reverse(pairs);
        return prefix + String.join("/", pairs);
    }

    private static void assertScoreShape(double score) {
        assertThat(score).isBetween(0.0, 10.0);
        assertThat(Math.abs(score * 10 - Math.rint(score * 10))).isLessThan(1e-9);
    }

    private static Map<String, List<String>> ordered(String... keysAndValues) {
        Map<String, List<String>> metrics = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            metrics.put(keysAndValues[index], List.of(keysAndValues[index + 1].split(",")));
        }
        return metrics;
    }
}
