package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CvssV3Test {
    /**
     * The worked examples of FIRST's "CVSS v3.1 Examples" document (https://www.first.org/cvss/v3-1/examples),
     * vector and base score as printed there.
     */
    @ParameterizedTest(name = "{2}: {0} = {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N; 6.1; CVE-2013-1937 phpMyAdmin reflected XSS",
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N; 6.4; CVE-2013-0375 MySQL stored SQL injection",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N; 3.1; CVE-2014-3566 SSLv3 POODLE",
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H; 9.9; CVE-2012-1516 VMware guest to host escape",
                "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L; 4.2; CVE-2009-0783 Apache Tomcat XML parser",
                "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H; 7.2; CVE-2012-0384 Cisco IOS command execution",
                "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H; 7.8; CVE-2015-1098 Apple iWork denial of service",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N; 7.5; CVE-2014-0160 OpenSSL Heartbleed",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 9.8; CVE-2014-6271 GNU Bash Shellshock",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N; 6.8; CVE-2008-1447 DNS Kaminsky bug",
                "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 6.8; CVE-2014-2005 Sophos login screen bypass",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N; 5.8; CVE-2010-0467 Joomla directory traversal",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N; 5.8; CVE-2012-1342 Cisco access-list bypass",
                "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H; 9.3; CVE-2013-6014 Juniper proxy ARP denial of service",
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N; 5.4; CVE-2014-9253 DokuWiki reflected XSS",
                "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H; 7.8; CVE-2009-0658 Adobe Acrobat buffer overflow",
                "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 8.8; CVE-2011-1265 Microsoft Windows Bluetooth RCE",
                "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N; 4.6; CVE-2014-2019 Apple iOS security control bypass",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H; 8.8; CVE-2015-0970 SearchBlox cross-site request forgery",
                "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H; 8.2; CVE-2016-5729 Lenovo ThinkPwn",
            })
    void baseScore_firstV31Examples_matchPublishedScore(String vector, double expected, String example) {
        assertThat(CvssV3.parse(vector).baseScore()).isEqualTo(expected);
    }

    /**
     * FIRST's "CVSS v3.0 Examples" document scored the same vulnerabilities with the v3.0 prefix; its one
     * different vector is Cisco IOS (PR:L in v3.0, changed to PR:H in the v3.1 document).
     */
    @ParameterizedTest(name = "{2}: {0} = {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N; 6.1; CVE-2013-1937 phpMyAdmin reflected XSS",
                "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H; 9.9; CVE-2012-1516 VMware guest to host escape",
                "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H; 8.8; CVE-2012-0384 Cisco IOS command execution",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 9.8; CVE-2014-6271 GNU Bash Shellshock",
                "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H; 9.3; CVE-2013-6014 Juniper proxy ARP denial of service",
                "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N; 6.8; CVE-2008-1447 DNS Kaminsky bug",
            })
    void baseScore_firstV30Examples_matchPublishedScore(String vector, double expected, String example) {
        CvssV3 parsed = CvssV3.parse(vector);

        assertThat(parsed.version()).isEqualTo(CvssV3.Version.V3_0);
        assertThat(parsed.baseScore()).isEqualTo(expected);
    }

    /** NVD's published v3.x base scores (primary "NIST" metrics on nvd.nist.gov) for well-known CVEs. */
    @ParameterizedTest(name = "{2}: {0} = {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H; 10.0; CVE-2021-44228 Log4Shell",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H; 9.0; CVE-2021-45046 Log4j Thread Context lookup",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H; 5.9; CVE-2021-45105 Log4j recursive lookup",
                "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H; 6.6; CVE-2021-44832 Log4j JDBC appender",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 9.8; CVE-2022-22965 Spring4Shell",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H; 7.5; CVE-2023-44487 HTTP/2 Rapid Reset",
                "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H; 7.8; CVE-2021-4034 PwnKit",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H; 10.0; CVE-2024-3094 xz backdoor",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H; 8.1; CVE-2018-11776 Apache Struts namespace RCE",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H; 8.8; CVE-2023-4863 libwebp heap overflow",
            })
    void baseScore_nvdPublishedScores_match(String vector, double expected, String cve) {
        assertThat(CvssV3.parse(vector).baseScore()).isEqualTo(expected);
    }

    /**
     * 113 distinct real v3.0 vectors with the base score their advisories printed next to them (Node.js
     * Security WG, see the resource's header for provenance and cross-checking).
     */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("nodejsSecurityWgPublishedScores")
    void baseScore_nodejsSecurityWgPublishedScores_match(String vector, double published) {
        assertThat(CvssV3.parse(vector).baseScore()).isEqualTo(published);
    }

    static Stream<Arguments> nodejsSecurityWgPublishedScores() throws IOException {
        List<String[]> rows = TsvResource.rows("cvss/nodejs-security-wg-published-scores.tsv");
        assertThat(rows).hasSize(113);
        return rows.stream().map(row -> Arguments.of(row[0], Double.parseDouble(row[1])));
    }

    @Test
    void roundUpV31_specificationAppendixA_examples() {
        // CVSS v3.1 specification, Appendix A: Roundup(4.02) is 4.1 and Roundup(4.00) is 4.0.
        assertThat(CvssV3.roundUpV31(4.02)).isEqualTo(4.1);
        assertThat(CvssV3.roundUpV31(4.00)).isEqualTo(4.0);
    }

    @Test
    void roundUp_floatingPointNoise_onlyV30RoundsUp() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point: the noise Appendix A was written for.
        assertThat(CvssV3.roundUpV30(0.1 + 0.2)).isEqualTo(0.4);
        assertThat(CvssV3.roundUpV31(0.1 + 0.2)).isEqualTo(0.3);
    }

    @Test
    void temporalScore_productLandsOnNoise_v30AndV31Differ() {
        // Base 5.0 times Report Confidence Unknown (0.92) is 4.6000000000000005 in floating point: the v3.0
        // ceiling makes it 4.7, the v3.1 Roundup keeps 4.6. Both values agree with FIRST's v3.0 and v3.1
        // calculators (cross-checked with ae-cvss-calculator 1.0.13).
        CvssV3 v31 = CvssV3.parse("CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:L/RC:U");
        CvssV3 v30 = CvssV3.parse("CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:L/RC:U");

        assertThat(v31.baseScore()).isEqualTo(5.0);
        assertThat(v30.baseScore()).isEqualTo(5.0);
        assertThat(v31.temporalScore()).isEqualTo(4.6);
        assertThat(v30.temporalScore()).isEqualTo(4.7);
    }

    @Test
    void environmentalScore_changedScopeHighRequirements_v31FormulaDiffersFromV30() {
        // v3.1 section 7.3 changed the modified impact of a changed scope; with CR/IR/AR High the v3.0
        // equation stays at 9.9 and the v3.1 one reaches 10.0 (cross-checked with ae-cvss-calculator).
        assertThat(CvssV3.parse("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H/CR:H/IR:H/AR:H")
                        .environmentalScore())
                .isEqualTo(10.0);
        assertThat(CvssV3.parse("CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H/CR:H/IR:H/AR:H")
                        .environmentalScore())
                .isEqualTo(9.9);
    }

    /** Temporal and environmental scores, cross-checked with ae-cvss-calculator 1.0.13 and FIRST's calculator. */
    @ParameterizedTest(name = "{0}: temporal {2}, environmental {3}")
    @CsvSource(
            delimiter = ';',
            value = {
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:L/IR:L/AR:H/MAV:L/MPR:L; 9.8; 8.8; 7.0",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:T/RC:R/MS:U/MC:L; 10.0; 8.4; 7.9",
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/MS:C; 8.8; 8.8; 10.0",
            })
    void scores_temporalAndEnvironmentalMetrics_matchCalculator(
            String vector, double base, double temporal, double environmental) {
        CvssV3 parsed = CvssV3.parse(vector);

        assertThat(parsed.baseScore()).isEqualTo(base);
        assertThat(parsed.temporalScore()).isEqualTo(temporal);
        assertThat(parsed.environmentalScore()).isEqualTo(environmental);
    }

    @Test
    void parse_metricsInAnyOrder_areAcceptedAndWrittenInSpecificationOrder() {
        CvssV3 parsed = CvssV3.parse("CVSS:3.1/C:H/I:H/A:H/E:F/AV:N/AC:L/PR:N/UI:N/S:U");

        assertThat(parsed.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F");
        assertThat(parsed.metrics()).containsKeys("AV", "E").doesNotContainKey("RL");
        assertThat(parsed.metric("RL")).isEqualTo("X");
        assertThat(parsed.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(parsed).isEqualTo(CvssV3.parse(parsed.vector()));
    }

    @Test
    void baseScore_noImpact_isZero() {
        assertThat(CvssV3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N").baseScore())
                .isZero();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H; MISSING_METRIC",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L; DUPLICATE_METRIC",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N; DUPLICATE_METRIC",
                "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; UNKNOWN_VALUE",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:U/A:U; UNKNOWN_VALUE",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:Q; UNKNOWN_VALUE",
                "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; UNKNOWN_VALUE",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N; UNKNOWN_METRIC",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/; MALFORMED_METRIC",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H//A:H; MALFORMED_METRIC",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A; MALFORMED_METRIC",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H; MALFORMED_METRIC",
                "CVSS:3.1/; MISSING_METRIC",
                "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; WRONG_PREFIX",
                "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; WRONG_PREFIX",
                "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; WRONG_PREFIX",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; WRONG_PREFIX",
                "CVSS:3.1 /AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; ILLEGAL_CHARACTER",
            })
    void parse_malformedVector_throwsTypedException(String vector, Reason reason) {
        assertThatThrownBy(() -> CvssV3.parse(vector))
                .isInstanceOf(InvalidInputException.class)
                .isInstanceOfSatisfying(
                        InvalidCvssVectorException.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo(reason));
    }

    /** Reads the tab-separated fixtures under src/test/resources, skipping {@code #} comment lines. */
    static final class TsvResource {
        private TsvResource() {}

        static List<String[]> rows(String resource) throws IOException {
            try (InputStream stream = CvssV3Test.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(stream).as("fixture %s", resource).isNotNull();
                String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                return text.lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> line.split("\t", -1))
                        .toList();
            }
        }
    }
}
