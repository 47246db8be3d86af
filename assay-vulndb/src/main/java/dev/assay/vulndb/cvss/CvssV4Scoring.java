package dev.assay.vulndb.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The CVSS v4.0 scoring algorithm of specification section 8.2, over a function that gives each metric's
 * effective value. The floating-point operations follow the reference calculator's order on purpose: the
 * last step rounds to one decimal, and a different association of the same sums can land a tie on the
 * other side.
 */
final class CvssV4Scoring {
    private static final String LOOKUP_RESOURCE = "cvss-v4-macrovector-scores.tsv";

    /** The score of the highest-severity vector of each MacroVector, keyed by its six digits. */
    private static final Map<String, Double> MACRO_VECTOR_SCORES = loadMacroVectorScores();

    /** One step of severity distance; the specification measures distances in tenths. */
    private static final double STEP = 0.1;

    /**
     * Added before the final rounding: the interpolation can land one unit in the last place below an x.x5
     * tie, which a plain half-up rounding would send the wrong way. The reference calculator and FIRST's
     * published example scores use the same correction.
     */
    private static final double ROUNDING_EPSILON = 1e-6;

    // Severity levels of each metric value, in tenths: 0 is the most severe value.
    private static final Map<String, Double> AV_LEVELS = Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3);
    private static final Map<String, Double> PR_LEVELS = Map.of("N", 0.0, "L", 0.1, "H", 0.2);
    private static final Map<String, Double> UI_LEVELS = Map.of("N", 0.0, "P", 0.1, "A", 0.2);
    private static final Map<String, Double> AC_LEVELS = Map.of("L", 0.0, "H", 0.1);
    private static final Map<String, Double> AT_LEVELS = Map.of("N", 0.0, "P", 0.1);
    private static final Map<String, Double> VULNERABLE_LEVELS = Map.of("H", 0.0, "L", 0.1, "N", 0.2);
    private static final Map<String, Double> SC_LEVELS = Map.of("H", 0.1, "L", 0.2, "N", 0.3);
    private static final Map<String, Double> SUBSEQUENT_LEVELS = Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3);
    private static final Map<String, Double> REQUIREMENT_LEVELS = Map.of("H", 0.0, "M", 0.1, "L", 0.2);

    /**
     * The highest-severity vectors of each EQ level (the reference calculator's "max composed" data). The
     * EQ3 entries are keyed by EQ3 then EQ6 level, since the two are scored jointly.
     */
    private static final Map<Integer, List<String>> EQ1_MAXES = Map.of(
            0, List.of("AV:N/PR:N/UI:N"),
            1, List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
            2, List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));

    private static final Map<Integer, List<String>> EQ2_MAXES =
            Map.of(0, List.of("AC:L/AT:N"), 1, List.of("AC:H/AT:N", "AC:L/AT:P"));
    private static final Map<String, List<String>> EQ3_EQ6_MAXES = Map.of(
            "00", List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
            "01", List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"),
            "10", List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
            "11",
                    List.of(
                            "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H",
                            "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                            "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                            "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                            "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"),
            "21", List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"));
    private static final Map<Integer, List<String>> EQ4_MAXES =
            Map.of(0, List.of("SC:H/SI:S/SA:S"), 1, List.of("SC:H/SI:H/SA:H"), 2, List.of("SC:L/SI:L/SA:L"));

    /** The depth of each EQ level in severity steps (plus one), from the reference calculator. */
    private static final int[] EQ1_DEPTH = {1, 4, 5};

    private static final int[] EQ2_DEPTH = {1, 2};
    private static final Map<String, Integer> EQ3_EQ6_DEPTH = Map.of("00", 7, "01", 6, "10", 8, "11", 8, "21", 10);
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    /**
     * The composed highest-severity vectors of every combination of EQ1, EQ2, EQ3+EQ6 and EQ4 levels (EQ5
     * has none of its own metrics in the distance), parsed once: scoring runs once per imported rating.
     */
    private static final Map<String, List<Map<String, String>>> COMPOSED_MAXES = composeAllMaxes();

    private CvssV4Scoring() {}

    /** The six EQ levels of a vector (specification section 8.2, tables 24 to 29). */
    static String macroVector(UnaryOperator<String> metric) {
        return "" + eq1(metric) + eq2(metric) + eq3(metric) + eq4(metric) + eq5(metric) + eq6(metric);
    }

    static double score(UnaryOperator<String> metric) {
        boolean noImpact = List.of("VC", "VI", "VA", "SC", "SI", "SA").stream()
                .allMatch(key -> metric.apply(key).equals("N"));
        if (noImpact) {
            return 0.0;
        }
        int eq1 = eq1(metric);
        int eq2 = eq2(metric);
        int eq3 = eq3(metric);
        int eq4 = eq4(metric);
        int eq5 = eq5(metric);
        int eq6 = eq6(metric);
        double value = MACRO_VECTOR_SCORES.get(key(eq1, eq2, eq3, eq4, eq5, eq6));

        // 1a. The score of the next lower MacroVector along each EQ; NaN where there is none.
        double lowerEq1 = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        double lowerEq2 = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double lowerEq3Eq6;
        if (eq3 == 0 && eq6 == 0) {
            // Two lower neighbours (00 -> 01 and 00 -> 10): the higher-scoring one is the next lower.
            double left = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
            double right = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
            lowerEq3Eq6 = left > right ? left : right;
        } else if (eq3 == 1 && eq6 == 0) {
            lowerEq3Eq6 = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
        } else if (eq3 == 2) {
            lowerEq3Eq6 = Double.NaN; // 21 is the lowest EQ3+EQ6 level
        } else {
            lowerEq3Eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6); // 01 -> 11, 11 -> 21
        }
        double lowerEq4 = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        double lowerEq5 = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // 1b. The severity distance from the first highest-severity vector of the MacroVector that is at
        // least as severe as this vector in every metric.
        Distances distances = null;
        for (Map<String, String> max : COMPOSED_MAXES.get(maxesKey(eq1, eq2, "" + eq3 + eq6, eq4))) {
            distances = new Distances(metric, max);
            if (distances.allNonNegative()) {
                break;
            }
        }
        if (distances == null) {
            throw new IllegalStateException(
                    "no highest-severity vector for MacroVector " + key(eq1, eq2, eq3, eq4, eq5, eq6));
        }
        double distanceEq1 = distances.av + distances.pr + distances.ui;
        double distanceEq2 = distances.ac + distances.at;
        double distanceEq3Eq6 = distances.vc + distances.vi + distances.va + distances.cr + distances.ir + distances.ar;
        double distanceEq4 = distances.sc + distances.si + distances.sa;

        double depthEq1 = EQ1_DEPTH[eq1] * STEP;
        double depthEq2 = EQ2_DEPTH[eq2] * STEP;
        double depthEq3Eq6 = EQ3_EQ6_DEPTH.get("" + eq3 + eq6) * STEP;
        double depthEq4 = EQ4_DEPTH[eq4] * STEP;

        // 1c-d. Each available scoring difference, scaled by the proportion of the MacroVector's depth the
        // vector lies below its highest-severity vector. EQ5 has a depth of one value, so its proportion is
        // always zero, but an existing lower EQ5 MacroVector still counts in the mean.
        int existingLower = 0;
        double normalizedEq1 = 0;
        double normalizedEq2 = 0;
        double normalizedEq3Eq6 = 0;
        double normalizedEq4 = 0;
        if (!Double.isNaN(lowerEq1)) {
            existingLower++;
            normalizedEq1 = (value - lowerEq1) * (distanceEq1 / depthEq1);
        }
        if (!Double.isNaN(lowerEq2)) {
            existingLower++;
            normalizedEq2 = (value - lowerEq2) * (distanceEq2 / depthEq2);
        }
        if (!Double.isNaN(lowerEq3Eq6)) {
            existingLower++;
            normalizedEq3Eq6 = (value - lowerEq3Eq6) * (distanceEq3Eq6 / depthEq3Eq6);
        }
        if (!Double.isNaN(lowerEq4)) {
            existingLower++;
            normalizedEq4 = (value - lowerEq4) * (distanceEq4 / depthEq4);
        }
        if (!Double.isNaN(lowerEq5)) {
            existingLower++;
        }

        // 2-3. Subtract the mean of those proportional differences and round to one decimal.
        double meanDistance = existingLower == 0
                ? 0
                : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4) / existingLower;
        value -= meanDistance;
        value = Math.max(0.0, Math.min(10.0, value));
        return Math.round((value + ROUNDING_EPSILON) * 10) / 10.0;
    }

    /** EQ1: 0 for AV:N, PR:N and UI:N; 2 for AV:P or none of them; 1 otherwise. */
    private static int eq1(UnaryOperator<String> metric) {
        boolean networkVector = metric.apply("AV").equals("N");
        boolean noPrivileges = metric.apply("PR").equals("N");
        boolean noInteraction = metric.apply("UI").equals("N");
        if (networkVector && noPrivileges && noInteraction) {
            return 0;
        }
        if ((networkVector || noPrivileges || noInteraction)
                && !metric.apply("AV").equals("P")) {
            return 1;
        }
        return 2;
    }

    /** EQ2: 0 for AC:L and AT:N, 1 otherwise. */
    private static int eq2(UnaryOperator<String> metric) {
        return metric.apply("AC").equals("L") && metric.apply("AT").equals("N") ? 0 : 1;
    }

    /** EQ3: 0 for VC:H and VI:H; 1 when any of VC, VI, VA is H; 2 otherwise. */
    private static int eq3(UnaryOperator<String> metric) {
        boolean confidentiality = metric.apply("VC").equals("H");
        boolean integrity = metric.apply("VI").equals("H");
        if (confidentiality && integrity) {
            return 0;
        }
        if (confidentiality || integrity || metric.apply("VA").equals("H")) {
            return 1;
        }
        return 2;
    }

    /** EQ4: 0 for MSI:S or MSA:S (Safety); 1 when any of SC, SI, SA is H; 2 otherwise. */
    private static int eq4(UnaryOperator<String> metric) {
        if (metric.apply("MSI").equals("S") || metric.apply("MSA").equals("S")) {
            return 0;
        }
        if (metric.apply("SC").equals("H")
                || metric.apply("SI").equals("H")
                || metric.apply("SA").equals("H")) {
            return 1;
        }
        return 2;
    }

    /** EQ5: the Exploit Maturity, 0 for Attacked, 1 for POC, 2 for Unreported. */
    private static int eq5(UnaryOperator<String> metric) {
        return switch (metric.apply("E")) {
            case "A" -> 0;
            case "P" -> 1;
            case "U" -> 2;
            default -> throw new IllegalStateException("grammar admitted E:" + metric.apply("E"));
        };
    }

    /** EQ6: 0 when a High requirement meets a High impact on the same property, 1 otherwise. */
    private static int eq6(UnaryOperator<String> metric) {
        boolean highConfidentiality =
                metric.apply("CR").equals("H") && metric.apply("VC").equals("H");
        boolean highIntegrity =
                metric.apply("IR").equals("H") && metric.apply("VI").equals("H");
        boolean highAvailability =
                metric.apply("AR").equals("H") && metric.apply("VA").equals("H");
        return highConfidentiality || highIntegrity || highAvailability ? 0 : 1;
    }

    private static String key(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        return "" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6;
    }

    private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        Double score = MACRO_VECTOR_SCORES.get(key(eq1, eq2, eq3, eq4, eq5, eq6));
        return score == null ? Double.NaN : score;
    }

    private static String maxesKey(int eq1, int eq2, String eq3Eq6, int eq4) {
        return "" + eq1 + eq2 + eq3Eq6 + eq4;
    }

    /**
     * Every combination of the highest-severity vectors of each EQ level, in the reference calculator's
     * order (EQ1 outermost), since the first one the vector does not exceed wins.
     */
    private static Map<String, List<Map<String, String>>> composeAllMaxes() {
        Map<String, List<Map<String, String>>> all = new HashMap<>();
        for (Map.Entry<Integer, List<String>> eq1 : EQ1_MAXES.entrySet()) {
            for (Map.Entry<Integer, List<String>> eq2 : EQ2_MAXES.entrySet()) {
                for (Map.Entry<String, List<String>> eq3Eq6 : EQ3_EQ6_MAXES.entrySet()) {
                    for (Map.Entry<Integer, List<String>> eq4 : EQ4_MAXES.entrySet()) {
                        all.put(
                                maxesKey(eq1.getKey(), eq2.getKey(), eq3Eq6.getKey(), eq4.getKey()),
                                compose(eq1.getValue(), eq2.getValue(), eq3Eq6.getValue(), eq4.getValue()));
                    }
                }
            }
        }
        return Map.copyOf(all);
    }

    private static List<Map<String, String>> compose(
            List<String> eq1Maxes, List<String> eq2Maxes, List<String> eq3Eq6Maxes, List<String> eq4Maxes) {
        List<Map<String, String>> composed = new ArrayList<>();
        for (String eq1Max : eq1Maxes) {
            for (String eq2Max : eq2Maxes) {
                for (String eq3Eq6Max : eq3Eq6Maxes) {
                    for (String eq4Max : eq4Maxes) {
                        Map<String, String> max = new HashMap<>();
                        for (String part : List.of(eq1Max, eq2Max, eq3Eq6Max, eq4Max)) {
                            for (String pair : part.split("/", -1)) {
                                int colon = pair.indexOf(':');
                                max.put(pair.substring(0, colon), pair.substring(colon + 1));
                            }
                        }
                        composed.add(Map.copyOf(max));
                    }
                }
            }
        }
        return List.copyOf(composed);
    }

    /** Per-metric severity distances of a vector below one highest-severity vector, in tenths. */
    private static final class Distances {
        final double av;
        final double pr;
        final double ui;
        final double ac;
        final double at;
        final double vc;
        final double vi;
        final double va;
        final double sc;
        final double si;
        final double sa;
        final double cr;
        final double ir;
        final double ar;

        Distances(UnaryOperator<String> metric, Map<String, String> max) {
            av = distance(AV_LEVELS, metric, max, "AV");
            pr = distance(PR_LEVELS, metric, max, "PR");
            ui = distance(UI_LEVELS, metric, max, "UI");
            ac = distance(AC_LEVELS, metric, max, "AC");
            at = distance(AT_LEVELS, metric, max, "AT");
            vc = distance(VULNERABLE_LEVELS, metric, max, "VC");
            vi = distance(VULNERABLE_LEVELS, metric, max, "VI");
            va = distance(VULNERABLE_LEVELS, metric, max, "VA");
            sc = distance(SC_LEVELS, metric, max, "SC");
            si = distance(SUBSEQUENT_LEVELS, metric, max, "SI");
            sa = distance(SUBSEQUENT_LEVELS, metric, max, "SA");
            cr = distance(REQUIREMENT_LEVELS, metric, max, "CR");
            ir = distance(REQUIREMENT_LEVELS, metric, max, "IR");
            ar = distance(REQUIREMENT_LEVELS, metric, max, "AR");
        }

        private static double distance(
                Map<String, Double> levels, UnaryOperator<String> metric, Map<String, String> max, String key) {
            return levels.get(metric.apply(key)) - levels.get(max.get(key));
        }

        boolean allNonNegative() {
            return av >= 0 && pr >= 0 && ui >= 0 && ac >= 0 && at >= 0 && vc >= 0 && vi >= 0 && va >= 0 && sc >= 0
                    && si >= 0 && sa >= 0 && cr >= 0 && ir >= 0 && ar >= 0;
        }
    }

    private static Map<String, Double> loadMacroVectorScores() {
        Map<String, Double> scores = new HashMap<>();
        try (InputStream stream = CvssV4Scoring.class.getResourceAsStream(LOOKUP_RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("missing resource " + LOOKUP_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                scores.put(columns[0], Double.parseDouble(columns[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOOKUP_RESOURCE, e);
        }
        if (scores.size() != 270) {
            throw new IllegalStateException(LOOKUP_RESOURCE + " has " + scores.size() + " MacroVectors, not 270");
        }
        return Map.copyOf(scores);
    }
}
