package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.ScanResult;
import dev.assay.testkit.Golden;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableReportWriterTest {
    private static final TableReportWriter PLAIN = new TableReportWriter(SampleScanResults.options());

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    @Test
    void write_realistic_matchesGolden() {
        Golden.assertMatches(
                "table/realistic.txt",
                Rendered.of(PLAIN, SampleScanResults.realistic()).text());
    }

    @Test
    void write_realisticInColour_matchesGolden() {
        TableReportWriter colour =
                new TableReportWriter(SampleScanResults.options().withColor(true));

        Golden.assertMatches(
                "table/realistic-color.txt",
                Rendered.of(colour, SampleScanResults.realistic()).text());
    }

    @Test
    void write_empty_matchesGolden() {
        Golden.assertMatches(
                "table/empty.txt", Rendered.of(PLAIN, SampleScanResults.empty()).text());
    }

    @Test
    void write_hostile_matchesGolden() {
        Golden.assertMatches(
                "table/hostile.txt",
                Rendered.of(PLAIN, SampleScanResults.hostile()).text());
    }

    @Test
    void write_realistic_groupsBySeverityWorstFirst() {
        String text = Rendered.of(PLAIN, SampleScanResults.realistic()).text();

        assertThat(text)
                .containsSubsequence(
                        "CRITICAL (2)",
                        "CVE-2021-44228",
                        "CVE-2021-44906",
                        "HIGH (1)",
                        "CVE-2024-29415",
                        "MEDIUM (1)",
                        "CVE-2023-5678",
                        "LOW (1)",
                        "CVE-2010-4756",
                        "UNKNOWN (1)",
                        "GO-2024-2687",
                        "Suppressed by VEX (1)",
                        "CVE-2020-36518");
    }

    @Test
    void write_realistic_showsEveryColumnOfAFindingOnOneLine() {
        List<String> lines =
                lines(Rendered.of(PLAIN, SampleScanResults.realistic()).text());

        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("CVE-2021-44228")
                        .contains("o.a.l.log4j:log4j-core")
                        .contains("2.14.1")
                        .contains("2.3.1, 2.12.2, 2.15.0")
                        .contains("KEV")
                        .contains("94.4% p99")
                        .contains("direct"))
                .anySatisfy(line -> assertThat(line).contains("CVE-2021-44906").contains("mkdirp > minimist"))
                .anySatisfy(line -> assertThat(line).contains("CVE-2024-29415").contains("no fix"))
                .anySatisfy(line -> assertThat(line)
                        .contains("CVE-2023-5678")
                        .contains("openssl")
                        .endsWith("-"));
    }

    @Test
    void write_realistic_headerNamesTheDatabaseAndItsAge() {
        String text = Rendered.of(PLAIN, SampleScanResults.realistic()).text();

        assertThat(text)
                .contains("Database:  /home/ci/.cache/assay/advisories.db, full database, 248913 advisories")
                .contains("Updated:   2026-02-27 06:00 UTC (3 days ago)")
                .contains("1 input could not be read");
    }

    @Test
    void write_snapshotDatabase_saysSoInTheHeader() {
        String text = Rendered.of(PLAIN, SampleScanResults.empty()).text();

        assertThat(text).contains("snapshot bundled with Assay (may miss recent advisories)");
    }

    @Test
    void write_realistic_summaryCountsPerSeverityAndSuppressed() {
        List<String> lines =
                lines(Rendered.of(PLAIN, SampleScanResults.realistic()).text());

        assertThat(lines.get(lines.size() - 2))
                .isEqualTo("6 vulnerabilities: 2 critical, 1 high, 1 medium, 1 low, 1 unknown; 1 in KEV, 4 fixable,"
                        + " 1 suppressed by VEX");
    }

    @Test
    void write_realistic_suppressedSectionGivesTheVexReason() {
        String text = Rendered.of(PLAIN, SampleScanResults.realistic()).text();

        assertThat(text)
                .contains("not_affected")
                .contains("      justification: vulnerable_code_not_in_execute_path")
                .contains("      source: vex/shop-api.openvex.json#stmt-2")
                .contains(
                        "      statement: shop-api reads JSON only from its own configuration files, never from requests");
    }

    @Test
    void write_realistic_everyLineFits120Columns() {
        for (String line :
                lines(Rendered.of(PLAIN, SampleScanResults.realistic()).text())) {
            assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(120);
        }
    }

    @Test
    void write_narrowTerminal_shrinksTheWidestColumnsToFit() {
        TableReportWriter narrow =
                new TableReportWriter(SampleScanResults.options().withWidth(80));

        List<String> lines =
                lines(Rendered.of(narrow, SampleScanResults.realistic()).text());

        assertThat(lines)
                .filteredOn(line -> line.startsWith("  CVE-") || line.startsWith("  GO-"))
                .allSatisfy(line ->
                        assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(80))
                .anySatisfy(line -> assertThat(line).contains(TerminalText.ELLIPSIS));
    }

    @Test
    void write_colourOff_hasNoEscapeCharacter() {
        assertThat(Rendered.of(PLAIN, SampleScanResults.realistic()).text()).doesNotContain("\u001B");
    }

    @Test
    void write_colourOn_coloursSeverityTitlesAndTheKevMarker() {
        TableReportWriter colour =
                new TableReportWriter(SampleScanResults.options().withColor(true));

        String text = Rendered.of(colour, SampleScanResults.realistic()).text();

        assertThat(text).contains("\u001B[1;31mCRITICAL (2)\u001B[0m").contains("\u001B[1;31mKEV\u001B[0m");
        assertThat(text.replaceAll("\u001B\\[[0-9;]*m", ""))
                .isEqualTo(Rendered.of(PLAIN, SampleScanResults.realistic()).text());
    }

    @Test
    void write_hostileText_leavesNoControlCharacterAndKeepsOneLinePerFinding() {
        String text = Rendered.of(PLAIN, SampleScanResults.hostile()).text();

        assertThat(text.chars()
                        .filter(c ->
                                c != '\n' && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)))
                .as("control or format characters")
                .isEmpty();
        assertThat(text).doesNotContain("\uFFFD\uFFFD").doesNotContain("SECOND LINE\n");
        List<String> lines = lines(text);
        assertThat(lines)
                .filteredOn(line -> line.contains("GHSA-xxxx-yyyy-zzzz"))
                .hasSize(1);
        assertThat(lines)
                .filteredOn(line -> line.contains("GHSA-xxxx-yyyy-zzzz"))
                .first()
                .asString()
                .contains("evil SECOND LINE")
                .contains("KEV");
        assertThat(lines).noneMatch(line -> line.startsWith("CVE-9999-0002"));
        assertThat(lines)
                .filteredOn(line -> line.contains("statement:"))
                .singleElement()
                .asString()
                .contains("not reachable CVE-9999-0002  forged  row");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-02T09:59:30Z, just now",
        "2026-03-02T09:59:00Z, 1 minute ago",
        "2026-03-02T08:15:00Z, 1 hour ago",
        "2026-03-01T00:00:00Z, 34 hours ago",
        "2026-02-27T06:00:00Z, 3 days ago",
        "2026-03-03T00:00:00Z, in the future: check the clock"
    })
    void age_sinceUpdate_isInTheLargestWholeUnit(String updatedAt, String expected) {
        assertThat(TableReportWriter.age(Instant.parse(updatedAt), SampleScanResults.CLOCK.instant()))
                .isEqualTo(expected);
    }

    @Test
    void shortenPath_tooLong_keepsFirstAndLastPackage() {
        assertThat(TableReportWriter.shortenPath("express > body-parser > qs > side-channel > object-inspect", 30))
                .isEqualTo("express > \u2026 > object-inspect");
        assertThat(TableReportWriter.shortenPath("a > b", 10)).isEqualTo("a > b");
        assertThat(TableReportWriter.shortenPath("very-long-first > middle > very-long-last", 12))
                .isEqualTo("very-long-f\u2026");
    }

    @Test
    void shorten_mavenName_abbreviatesTheGroupBeforeCutting() {
        assertThat(PackageLabels.shorten("org.apache.logging.log4j:log4j-core", 35))
                .isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(PackageLabels.shorten("org.apache.logging.log4j:log4j-core", 28))
                .isEqualTo("o.a.logging.log4j:log4j-core");
        assertThat(PackageLabels.shorten("org.apache.logging.log4j:log4j-core", 22))
                .isEqualTo("o.a.l.log4j:log4j-core");
        assertThat(PackageLabels.shorten("org.apache.logging.log4j:log4j-core", 12))
                .isEqualTo("…:log4j-core");
        assertThat(PackageLabels.shorten("@babel/helper-plugin-utils", 12)).isEqualTo("…lugin-utils");
    }

    @Test
    void write_databaseUpdatedNow_saysJustNow() {
        ScanResult result = SampleScanResults.empty();
        ScanResult fresh = new ScanResult(
                result.sbom(),
                List.of(),
                List.of(),
                new AdvisoryDatabaseSummary("db", SampleScanResults.CLOCK.instant(), false, 1));

        assertThat(Rendered.of(PLAIN, fresh).text())
                .contains("db, full database, 1 advisory")
                .contains("(just now)")
                .contains("No vulnerabilities found.");
    }
}
