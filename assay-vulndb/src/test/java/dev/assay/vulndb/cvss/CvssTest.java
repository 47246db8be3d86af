package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Rating;
import dev.assay.model.Severity;
import org.junit.jupiter.api.Test;

class CvssTest {
    @Test
    void rating_log4ShellV31Vector_isCriticalTen() {
        // CVE-2021-44228 (Log4Shell): NVD publishes 10.0 CRITICAL for this vector.
        Rating rating = Cvss.rating("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "GHSA")
                .orElseThrow();

        assertThat(rating.method()).isEqualTo("CVSS_V3");
        assertThat(rating.score()).isEqualTo(10.0);
        assertThat(rating.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rating.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(rating.source()).isEqualTo("GHSA");
    }

    @Test
    void rating_v30Vector_isScoredWithV30Rules() {
        // FIRST "CVSS v3.0 Examples", CVE-2014-6271 (Shellshock): 9.8 Critical.
        Rating rating = Cvss.rating("CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "NVD")
                .orElseThrow();

        assertThat(rating.score()).isEqualTo(9.8);
        assertThat(rating.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void rating_v2Vector_isScored() {
        // CVSS v2 guide, section 3.3.1: CVE-2002-0392 (Apache chunked encoding) scores 7.8.
        Rating rating =
                Cvss.rating("CVSS_V2", "AV:N/AC:L/Au:N/C:N/I:N/A:C", "NVD").orElseThrow();

        assertThat(rating.score()).isEqualTo(7.8);
        assertThat(rating.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void rating_v4Vector_isTheScoreOfTheVectorAsWritten() {
        // FIRST "CVSS v4.0 Examples", CVE-2020-3549: base 7.7, with Exploit Maturity Unreported 5.2.
        Rating rating = Cvss.rating(
                        "CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", "GHSA")
                .orElseThrow();

        assertThat(rating.method()).isEqualTo("CVSS_V4");
        assertThat(rating.score()).isEqualTo(5.2);
        assertThat(rating.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void rating_zeroScore_isRatedLowAsTheModelDecides() {
        Rating rating = Cvss.rating("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", "x")
                .orElseThrow();

        assertThat(rating.score()).isZero();
        assertThat(rating.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void rating_vectorOfAnotherVersionThanTheType_isEmpty() {
        assertThat(Cvss.rating("CVSS_V4", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "x"))
                .isEmpty();
        assertThat(Cvss.rating("CVSS_V3", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "x"))
                .isEmpty();
    }

    @Test
    void rating_nonCvssType_isEmpty() {
        assertThat(Cvss.rating("Ubuntu", "high", "Ubuntu")).isEmpty();
        assertThat(Cvss.rating(null, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "x"))
                .isEmpty();
    }

    @Test
    void rating_invalidVector_isEmptyNotThrown() {
        assertThat(Cvss.rating("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H", "x"))
                .isEmpty();
        assertThat(Cvss.rating("CVSS_V3", null, "x")).isEmpty();
        assertThat(Cvss.rating("CVSS_V3", "", "x")).isEmpty();
        assertThat(Cvss.rating("CVSS_V3", "AV:N/AC:L/Au:N/C:N/I:N/A:C", "x")).isEmpty();
        assertThat(Cvss.rating("CVSS_V2", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "x"))
                .isEmpty();
    }

    @Test
    void rating_surroundingWhitespace_isStrippedFromTheVector() {
        Rating rating = Cvss.rating("CVSS_V3", " CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\n", "x")
                .orElseThrow();

        assertThat(rating.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        assertThat(rating.score()).isEqualTo(7.5);
    }
}
