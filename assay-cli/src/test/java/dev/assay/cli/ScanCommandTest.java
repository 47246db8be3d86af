package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay scan} end to end in-process, against a database restored from the snapshot Assay ships:
 * real advisories, the JSON contract, gates, VEX and the exit codes.
 */
class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path database;

    @TempDir
    Path temp;

    @BeforeAll
    static void restoreSnapshot() {
        database = shared.resolve("db");
        Path bundle = ProjectRoot.require()
                .resolve("assay-engine/src/main/resources/dev/assay/engine/advisory-snapshot.bundle");
        CliRun run = CliRun.of("db", "import", bundle.toString(), "--db", database.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void scan_log4jCore2141_reportsLog4ShellAndItsFollowUpWithTheJsonContract() throws IOException {
        Path project = pom("2.14.1");
        Path report = temp.resolve("findings.json");

        CliRun run = scan(project.toString(), "--format", "json", "--output", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        JsonNode document = JSON.readTree(report.toFile());
        List<String> names = names(document.path("findings"));
        assertThat(names).contains("CVE-2021-44228", "CVE-2021-45046");
        JsonNode log4shell = finding(document, "CVE-2021-44228");
        assertThat(log4shell.path("component").path("purl").asText())
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(log4shell.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(log4shell.path("kev").asBoolean()).isTrue();
        assertThat(log4shell.path("fixedVersions").toString()).contains("2.15.0");
        assertThat(log4shell.path("vulnerability").path("aliases").toString()).contains("GHSA-jfh8-c2jp-5v3q");
        assertThat(document.path("suppressed").isArray()).isTrue();
    }

    @Test
    void scan_log4jCore2171_reportsNeither() throws IOException {
        CliRun run = scan(pom("2.17.1").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(JSON.readTree(run.out()).path("findings")))
                .doesNotContain("CVE-2021-44228", "CVE-2021-45046", "CVE-2021-45105");
    }

    @Test
    void scan_requirementsAndGoSumWithVulnerablePins_reportTheirAdvisories() throws IOException {
        Path project = temp.resolve("service");
        write(project.resolve("requirements.txt"), "requests==2.19.1\nurllib3==1.23\n");
        write(
                project.resolve("go.mod"),
                "module example.com/x\n\ngo 1.20\n\nrequire github.com/gin-gonic/gin v1.5.0\n");
        write(
                project.resolve("go.sum"),
                "github.com/gin-gonic/gin v1.5.0 h1:fi+bqFAx/oLK54somfCtEZs9HeH1LHVoEPUgARpTqyc=\n"
                        + "github.com/gin-gonic/gin v1.5.0/go.mod h1:Fw4f2GhC1N3RT9mBxqtl6BzrKFDVMl8a2umV8i1hPAY=\n");

        CliRun run = scan(project.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode findings = JSON.readTree(run.out()).path("findings");
        assertThat(names(findings)).contains("CVE-2018-18074", "CVE-2019-11236", "CVE-2020-36567", "GO-2020-0001");
    }

    @Test
    void scan_onePatchPastTheFix_reportsNothing() throws IOException {
        Path project = temp.resolve("patched");
        // smallvec 1.6.1 fixes RUSTSEC-2021-0003 (introduced 1.0.0, fixed 1.6.1); 1.6.0 is affected.
        write(project.resolve("Cargo.lock"), cargoLock("1.6.1"));
        Path vulnerable = temp.resolve("vulnerable");
        write(vulnerable.resolve("Cargo.lock"), cargoLock("1.6.0"));

        CliRun patched = scan(project.toString(), "--format", "json");
        CliRun affected = scan(vulnerable.toString(), "--format", "json");

        assertThat(JSON.readTree(patched.out()).path("findings").size()).isZero();
        assertThat(names(JSON.readTree(affected.out()).path("findings"))).contains("RUSTSEC-2021-0003");
    }

    @Test
    void scan_failOnHigh_exitsOneAndNamesTheTrippingFinding() throws IOException {
        CliRun run = scan(pom("2.14.1").toString(), "--fail-on", "high", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.err()).contains("trip the gate", "--fail-on high");
        assertThat(JSON.readTree(run.out()).path("findings").size()).isPositive();
    }

    @Test
    void scan_failOnCriticalWithOnlyLowerFindings_exitsZero() throws IOException {
        Path project = temp.resolve("medium");
        write(project.resolve("Cargo.lock"), cargoLockPackage("time", "0.1.43"));

        CliRun run = scan(project.toString(), "--fail-on", "critical", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(JSON.readTree(run.out()).path("findings"))).contains("CVE-2020-26235");
    }

    @Test
    void scan_failOnKev_tripsOnKnownExploitedOnly() throws IOException {
        CliRun exploited = scan(pom("2.14.1").toString(), "--fail-on-kev", "--format", "json");
        Path project = temp.resolve("not-exploited");
        write(project.resolve("Cargo.lock"), cargoLock("1.6.0"));
        CliRun other = scan(project.toString(), "--fail-on-kev", "--format", "json");

        assertThat(exploited.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(other.exitCode()).as(other.err()).isZero();
    }

    @Test
    void scan_vexNotAffected_movesTheFindingToSuppressedAndTheGateIgnoresIt() throws IOException {
        Path project = temp.resolve("vexed");
        write(project.resolve("Cargo.lock"), cargoLock("1.6.0"));
        Path vex = temp.resolve("vex.openvex.json");
        write(vex, """
                {
                  "@context": "https://openvex.dev/ns/v0.2.0",
                  "@id": "https://example.com/vex/1",
                  "author": "Platform team",
                  "timestamp": "2026-11-01T00:00:00Z",
                  "version": 1,
                  "statements": [{
                    "vulnerability": {"name": "CVE-2021-25900"},
                    "products": [{"@id": "pkg:cargo/smallvec@1.6.0"}],
                    "status": "not_affected",
                    "justification": "vulnerable_code_not_in_execute_path",
                    "impact_statement": "insert_many is never called"
                  }]
                }
                """);

        CliRun run = scan(project.toString(), "--vex", vex.toString(), "--fail-on", "low", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode document = JSON.readTree(run.out());
        assertThat(names(document.path("findings"))).doesNotContain("CVE-2021-25900");
        assertThat(names(document.path("suppressed"))).contains("CVE-2021-25900");
        assertThat(document.path("suppressed").toString()).contains("vulnerable_code_not_in_execute_path");
    }

    @Test
    void scan_ignoreUnfixed_leavesOutFindingsWithoutAFix() throws IOException {
        Path project = temp.resolve("unfixed");
        write(project.resolve("requirements.txt"), "urllib3==1.23\n");

        JsonNode all =
                JSON.readTree(scan(project.toString(), "--format", "json").out());
        JsonNode fixedOnly = JSON.readTree(
                scan(project.toString(), "--format", "json", "--ignore-unfixed").out());

        for (JsonNode finding : fixedOnly.path("findings")) {
            assertThat(finding.path("fixedVersions").size()).isPositive();
        }
        assertThat(fixedOnly.path("findings").size())
                .isLessThanOrEqualTo(all.path("findings").size());
    }

    @Test
    void scan_existingCycloneDxSbom_isMatchedWithoutCataloguing() throws IOException {
        Path bom = temp.resolve("bom.cdx.json");
        CliRun sbom = CliRun.of("sbom", pom("2.14.1").toString(), "-o", bom.toString());
        assertThat(sbom.exitCode()).isZero();

        CliRun run = scan(bom.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(JSON.readTree(run.out()).path("findings"))).contains("CVE-2021-44228");
    }

    @Test
    void scan_sarifAndVdr_renderTheSameFindings() throws IOException {
        CliRun sarif = scan(pom("2.14.1").toString(), "--format", "sarif");
        CliRun vdr = scan(pom("2.14.1").toString(), "--format", "cyclonedx-vdr");

        assertThat(JSON.readTree(sarif.out()).path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.out()).contains("CVE-2021-44228");
        assertThat(JSON.readTree(vdr.out()).path("vulnerabilities").toString()).contains("CVE-2021-44228");
    }

    @Test
    void scan_emptyDatabaseDirectory_isNoVerdict() {
        CliRun run = CliRun.of(
                "scan", pom("2.14.1").toString(), "--db", temp.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(run.err()).contains("no advisory database", "assay db update");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void scan_databaseOlderThanMaxAge_isNoVerdict() {
        CliRun run = scan(pom("2.14.1").toString(), "--max-db-age", "0m");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(run.err()).contains("--max-db-age");
    }

    @Test
    void scan_badFlags_areUsageErrors() {
        assertThat(scan(pom("2.14.1").toString(), "--fail-on", "severe").exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(scan(pom("2.14.1").toString(), "--max-db-age", "soon").exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(scan(pom("2.14.1").toString(), "--format", "yaml").exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(scan(
                                pom("2.14.1").toString(),
                                "--vex",
                                temp.resolve("missing.json").toString())
                        .exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void scan_tableIsTheDefault_andNamesTheSnapshot() {
        CliRun run = scan(pom("2.14.1").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("CRITICAL", "CVE-2021-44228", "snapshot");
    }

    private static CliRun scan(String target, String... options) {
        List<String> args = new ArrayList<>(List.of("scan", target, "--db", database.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path pom(String log4jVersion) {
        Path project = temp.resolve("app-" + log4jVersion);
        write(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>app</artifactId>
                  <version>1.0.0</version>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.logging.log4j</groupId>
                      <artifactId>log4j-core</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(log4jVersion));
        return project;
    }

    private static String cargoLock(String smallvecVersion) {
        return cargoLockPackage("smallvec", smallvecVersion);
    }

    private static String cargoLockPackage(String name, String version) {
        return """
                version = 3

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = ["%1$s"]

                [[package]]
                name = "%1$s"
                version = "%2$s"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                """.formatted(name, version);
    }

    private static JsonNode finding(JsonNode document, String name) {
        for (JsonNode finding : document.path("findings")) {
            if (names(finding).contains(name)) {
                return finding;
            }
        }
        throw new AssertionError("no finding named " + name + " in " + document);
    }

    private static List<String> names(JsonNode findings) {
        List<String> names = new ArrayList<>();
        if (findings.has("vulnerability")) {
            names.add(findings.path("vulnerability").path("id").asText());
            findings.path("vulnerability").path("aliases").forEach(alias -> names.add(alias.asText()));
            return names;
        }
        for (JsonNode finding : findings) {
            names.addAll(names(finding));
        }
        return names;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
