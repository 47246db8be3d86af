package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression against fixtures scored by an independent implementation (see each fixture's header). They
 * reach corners the published examples do not: the v4.0 rounding correction, the joint EQ3/EQ6 lower
 * MacroVector, v3 environmental scores with every modified metric.
 */
class CvssDifferentialTest {
    @Test
    void score_v4Fixture_matchesIndependentImplementation() throws IOException {
        List<String[]> rows = CvssV3Test.TsvResource.rows("cvss/v4-differential.tsv");

        assertThat(rows).hasSize(3000);
        for (String[] row : rows) {
            assertThat(CvssV4.parse(row[0]).score()).as(row[0]).isEqualTo(Double.parseDouble(row[1]));
        }
    }

    @Test
    void scores_v3Fixture_matchIndependentImplementation() throws IOException {
        List<String[]> rows = CvssV3Test.TsvResource.rows("cvss/v3-differential.tsv");

        assertThat(rows).hasSize(1500);
        for (String[] row : rows) {
            CvssV3 vector = CvssV3.parse(row[0]);
            assertScore(row[0] + " base", vector.baseScore(), row[1]);
            assertScore(row[0] + " temporal", vector.temporalScore(), row[2]);
            assertScore(row[0] + " environmental", vector.environmentalScore(), row[3]);
        }
    }

    @Test
    void scores_v2Fixture_matchIndependentImplementation() throws IOException {
        List<String[]> rows = CvssV3Test.TsvResource.rows("cvss/v2-differential.tsv");

        assertThat(rows).hasSize(1229);
        for (String[] row : rows) {
            CvssV2 vector = CvssV2.parse(row[0]);
            assertScore(row[0] + " base", vector.baseScore(), row[1]);
            assertScore(row[0] + " temporal", vector.temporalScore(), row[2]);
        }
    }

    private static void assertScore(String what, double actual, String expected) {
        if (!expected.equals("-")) {
            assertThat(actual).as(what).isEqualTo(Double.parseDouble(expected));
        }
    }
}
