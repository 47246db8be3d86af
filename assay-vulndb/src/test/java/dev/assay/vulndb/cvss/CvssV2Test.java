package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssV2Test {
    /**
     * The three worked examples of FIRST's "A Complete Guide to the Common Vulnerability Scoring System
     * Version 2.0", section 3.3, with the base, temporal and environmental scores the guide prints.
     */
    @ParameterizedTest(name = "{4}")
    @CsvSource(
            delimiter = ';',
            value = {
                "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H; 7.8; 6.4; 9.2; CVE-2002-0392 Apache chunked encoding",
                "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L; 10.0; 8.3; 9.0; CVE-2003-0818 Windows ASN.1",
                "AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M; 6.2; 4.9; 7.5; CVE-2003-0062 NOD32 antivirus",
            })
    void scores_cvssV2GuideExamples_matchPublishedScores(
            String vector, double base, double temporal, double environmental, String example) {
        CvssV2 parsed = CvssV2.parse(vector);

        assertThat(parsed.baseScore()).isEqualTo(base);
        assertThat(parsed.temporalScore()).isEqualTo(temporal);
        assertThat(parsed.environmentalScore()).isEqualTo(environmental);
    }

    /** NVD's published v2 base scores, cross-checked with ae-cvss-calculator 1.0.13. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "AV:N/AC:L/Au:N/C:P/I:P/A:P; 7.5",
                "AV:N/AC:M/Au:N/C:N/I:P/A:N; 4.3",
                "AV:N/AC:L/Au:N/C:N/I:N/A:P; 5.0",
                "AV:N/AC:M/Au:N/C:P/I:P/A:P; 6.8",
                "AV:L/AC:L/Au:N/C:C/I:C/A:C; 7.2",
                "AV:N/AC:M/Au:N/C:C/I:C/A:C; 9.3",
                "AV:N/AC:L/Au:S/C:P/I:P/A:P; 6.5",
                "AV:L/AC:L/Au:N/C:P/I:N/A:N; 2.1",
                "AV:N/AC:L/Au:N/C:N/I:N/A:N; 0.0",
            })
    void baseScore_commonNvdVectors_match(String vector, double base) {
        assertThat(CvssV2.parse(vector).baseScore()).isEqualTo(base);
    }

    @Test
    void environmentalScore_lowRequirementOnSmallImpact_stopsAtZero() {
        // The guide's equation gives (0.6 * 1.43 + 0.4 * 1.24 - 1.5) * 1.176 = -0.17 for the adjusted base;
        // scores are defined on 0 to 10, so it is 0.0 (found by CvssPropertiesTest).
        CvssV2 vector = CvssV2.parse("AV:L/AC:H/Au:M/C:P/I:N/A:N/CR:L");

        assertThat(vector.baseScore()).isEqualTo(0.8);
        assertThat(vector.environmentalScore()).isZero();
    }

    @Test
    void parse_nvdParenthesesAndToolPrefix_areTolerated() {
        assertThat(CvssV2.parse("(AV:N/AC:L/Au:N/C:P/I:P/A:P)").vector()).isEqualTo("AV:N/AC:L/Au:N/C:P/I:P/A:P");
        assertThat(CvssV2.parse("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P").baseScore())
                .isEqualTo(7.5);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "AV:N/AC:L/Au:N/C:P/I:P; MISSING_METRIC",
                "AV:N/AC:L/Au:N/C:P/I:P/A:P/A:N; DUPLICATE_METRIC",
                "AV:N/AC:L/Au:X/C:P/I:P/A:P; UNKNOWN_VALUE",
                "AV:N/AC:L/PR:N/C:P/I:P/A:P; UNKNOWN_METRIC",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; WRONG_PREFIX",
            })
    void parse_malformedVector_throwsTypedException(String vector, Reason reason) {
        assertThatThrownBy(() -> CvssV2.parse(vector))
                .isInstanceOfSatisfying(
                        InvalidCvssVectorException.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo(reason));
    }
}
