package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Severity;
import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CvssV4Test {
    /**
     * Every CVSS v4.0 vector on FIRST's "CVSS v4.0 Examples" page; the fixture's third column says whether
     * the page prints the score or links the vector to FIRST's calculator.
     */
    @ParameterizedTest(name = "{0} = {1} ({2})")
    @MethodSource("firstExamples")
    void score_firstV40Examples_matchPublishedScore(String vector, double expected, String source) {
        assertThat(CvssV4.parse(vector).score()).isEqualTo(expected);
    }

    static Stream<Arguments> firstExamples() throws IOException {
        List<String[]> rows = CvssV3Test.TsvResource.rows("cvss/first-v4-examples.tsv");
        assertThat(rows).hasSize(60);
        assertThat(rows).filteredOn(row -> row[2].equals("printed")).hasSize(18);
        return rows.stream().map(row -> Arguments.of(row[0], Double.parseDouble(row[1]), row[2]));
    }

    @Test
    void score_threatMetric_lowersScoreButNotBaseScore() {
        // FIRST v4.0 examples page, CVE-2020-3549: CVSS-B 7.7, with E:U (CVSS-BT) 5.2.
        CvssV4 vector = CvssV4.parse("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U");

        assertThat(vector.score()).isEqualTo(5.2);
        assertThat(vector.baseScore()).isEqualTo(7.7);
        assertThat(vector.nomenclature()).isEqualTo("CVSS-BT");
        assertThat(vector.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void nomenclature_namesTheGroupsTheScoreReflects() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

        assertThat(CvssV4.parse(base).nomenclature()).isEqualTo("CVSS-B");
        assertThat(CvssV4.parse(base + "/E:X/CR:X").nomenclature()).isEqualTo("CVSS-B");
        assertThat(CvssV4.parse(base + "/S:P/AU:Y/U:Red").nomenclature()).isEqualTo("CVSS-B");
        assertThat(CvssV4.parse(base + "/MAV:L").nomenclature()).isEqualTo("CVSS-BE");
        assertThat(CvssV4.parse(base + "/E:P/AR:L").nomenclature()).isEqualTo("CVSS-BTE");
    }

    @Test
    void score_supplementalMetrics_neverChangeTheScore() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N";

        assertThat(CvssV4.parse(base + "/S:P/AU:Y/R:I/V:C/RE:H/U:Amber").score())
                .isEqualTo(CvssV4.parse(base).score());
    }

    /**
     * The MacroVector is the six EQ levels of specification section 8.2 (tables 24 to 29, with E, CR, IR
     * and AR Not Defined counting as their worst case). These vectors sit at a distance of zero from their
     * MacroVector's highest-severity vector in every EQ that has a lower neighbour, so they score exactly
     * the lookup table's value.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H; 000100; 10.0",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; 000200; 9.3",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U; 000220; 8.1",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MSI:S; 000000; 10.0",
                "CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; 200200; 7.0",
            })
    void macroVector_knownVectors_matchEquivalenceClasses(String vector, String macroVector, double score) {
        CvssV4 parsed = CvssV4.parse(vector);

        assertThat(parsed.macroVector()).isEqualTo(macroVector);
        assertThat(parsed.score()).isEqualTo(score);
    }

    @Test
    void score_noImpactAnywhere_isZero() {
        assertThat(CvssV4.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N")
                        .score())
                .isZero();
    }

    @Test
    void score_modifiedMetricsRemovingAllImpact_isZero() {
        // FIRST v4.0 examples page: environmental metrics that remove every impact give 0.0.
        assertThat(CvssV4.parse("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/MVC:N/MVI:N/MVA:N")
                        .score())
                .isZero();
    }

    @Test
    void parse_reorderedMetrics_areAcceptedAndWrittenInSpecificationOrder() {
        // As published by GitHub for GHSA-28g4-38q8-3cwc (github/advisory-database issue 7448).
        CvssV4 parsed = CvssV4.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N");

        assertThat(parsed.vector()).isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        assertThat(parsed.score())
                .isEqualTo(CvssV4.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
                        .score());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N; MISSING_METRIC",
                "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; MISSING_METRIC",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SI:H; DUPLICATE_METRIC",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:J; UNKNOWN_VALUE",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; UNKNOWN_VALUE",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:S/SI:N/SA:N; UNKNOWN_VALUE",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S; UNKNOWN_VALUE",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red; UNKNOWN_VALUE",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/JJ:H; UNKNOWN_METRIC",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O; UNKNOWN_METRIC",
                "CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; WRONG_PREFIX",
                "CVSS:4.0; WRONG_PREFIX",
            })
    void parse_malformedVector_throwsTypedException(String vector, Reason reason) {
        assertThatThrownBy(() -> CvssV4.parse(vector))
                .isInstanceOfSatisfying(
                        InvalidCvssVectorException.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo(reason));
    }
}
