package dev.assay.match.vex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Purl;
import dev.assay.model.VexStatus;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycloneDxVexReaderTest {
    private static final String USE_CASES = "sbom/cyclonedx-bom-examples/VEX/Use-Cases/";
    private static final String CISA = "sbom/cyclonedx-bom-examples/VEX/CISA-Use-Cases/";

    private static VexDocument corpus(String relativePath) throws IOException {
        Path file = Corpora.require(relativePath);
        return VexDocuments.read(Files.readAllBytes(file), file.getFileName().toString());
    }

    @Test
    void read_useCase1_notAffectedWithJustificationAndDetail() throws IOException {
        VexDocument document = corpus(USE_CASES + "Case-1/vex.json");

        assertThat(document.format()).isEqualTo(VexFormat.CYCLONEDX);
        assertThat(document.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.vulnerability()).isEqualTo("CVE-2020-25649");
            assertThat(statement.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(statement.justification()).isEqualTo("code_not_reachable");
            assertThat(statement.impactStatement()).startsWith("Automated dataflow analysis");
            assertThat(statement.actionStatement()).isEqualTo("will_not_fix, update");
            // "acme-product" is the document's own metadata component, which has no purl: it is identified
            // the way Assay's SBOM reader identifies such a component.
            assertThat(statement.products())
                    .extracting(VexProduct::purl)
                    .containsExactly(Purl.parse("pkg:generic/Acme%20Product@2.4.0"));
        });
    }

    @Test
    void read_useCases2And3_exploitableIsAffectedAndInTriageIsUnderInvestigation() throws IOException {
        assertThat(corpus(USE_CASES + "Case-2/vex.json").statements().getFirst().status())
                .isEqualTo(VexStatus.AFFECTED);
        assertThat(corpus(USE_CASES + "Case-3/vex.json").statements().getFirst().status())
                .isEqualTo(VexStatus.UNDER_INVESTIGATION);
    }

    @Test
    void read_cisaCase1_oneFilePerStatus() throws IOException {
        assertThat(corpus(CISA + "Case-1/vex-affected.json")
                        .statements()
                        .getFirst()
                        .status())
                .isEqualTo(VexStatus.AFFECTED);
        assertThat(corpus(CISA + "Case-1/vex-fixed.json")
                        .statements()
                        .getFirst()
                        .status())
                .isEqualTo(VexStatus.FIXED);
        assertThat(corpus(CISA + "Case-1/vex-under_investigation.json")
                        .statements()
                        .getFirst()
                        .status())
                .isEqualTo(VexStatus.UNDER_INVESTIGATION);
        VexStatement notAffected =
                corpus(CISA + "Case-1/vex-not_affected.json").statements().getFirst();
        assertThat(notAffected.status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(notAffected.justification()).isEqualTo("code_not_present");
    }

    @Test
    void read_useCase5_eachStatementKeepsOnlyTheVersionsThatAgreeWithItsState() throws IOException {
        List<VexStatement> statements = corpus(USE_CASES + "Case-5/vex.json").statements();

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(statements.get(0).products().getFirst().ranges()).containsExactly("vers:semver/<7.0.0|>=1.5.0");
        assertThat(statements.get(1).status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(statements.get(1).products().getFirst().ranges()).containsExactly("vers:semver/<1.5.0|>=7.0.0");
    }

    @Test
    void read_useCase12_differentStatesAndJustificationsPerVulnerability() throws IOException {
        List<VexStatement> statements = corpus(USE_CASES + "Case-12/vex.json").statements();

        assertThat(statements)
                .extracting(VexStatement::vulnerability, VexStatement::status, VexStatement::justification)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "CVE-2020-25649", VexStatus.NOT_AFFECTED, "code_not_reachable"),
                        org.assertj.core.groups.Tuple.tuple("CVE-2020-35491", VexStatus.AFFECTED, ""),
                        org.assertj.core.groups.Tuple.tuple(
                                "CVE-2020-14195", VexStatus.NOT_AFFECTED, "protected_by_mitigating_control"));
    }

    @Test
    void read_bomLinksToOtherBomsWithoutPurls_areWarnedAndNotApplied() throws IOException {
        VexDocument document = corpus(USE_CASES + "Case-13/vex.json");

        assertThat(document.statements())
                .allSatisfy(statement -> assertThat(statement.products()).isEmpty());
        assertThat(document.warnings())
                .anySatisfy(warning -> assertThat(warning).contains("acme-product-1"));
    }

    @Test
    void read_everyCorpusVexDocument_parsesWithAStatusPerStatement() throws IOException {
        Path root = Corpora.require("sbom/cyclonedx-bom-examples/VEX");
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(path -> path.getFileName().toString().startsWith("vex"))
                    .sorted()
                    .toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        for (Path file : files) {
            VexDocument document = VexDocuments.read(Files.readAllBytes(file), file.toString());
            assertThat(document.statements()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void read_xmlForm_resolvesRefsFalsePositiveAndBomLinkFragments() {
        VexDocument document =
                VexDocuments.read(Fixtures.bytes(CycloneDxVexReaderTest.class, "vex/cyclonedx-vex.xml"), "vex.xml");

        assertThat(document.statements()).hasSize(2);
        VexStatement falsePositive = document.statements().getFirst();
        assertThat(falsePositive.status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(falsePositive.justification()).isEqualTo("false_positive");
        assertThat(falsePositive.aliases()).containsExactly("GHSA-288c-cq4h-88gq");
        assertThat(falsePositive.source()).isEqualTo("vex.xml#v1");
        assertThat(falsePositive.products())
                .extracting(VexProduct::purl)
                .containsExactly(Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0"));

        VexStatement resolved = document.statements().get(1);
        assertThat(resolved.status()).isEqualTo(VexStatus.FIXED);
        assertThat(resolved.products()).singleElement().satisfies(product -> {
            assertThat(product.purl())
                    .isEqualTo(Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0"));
            assertThat(product.versions()).containsExactly("2.10.0");
            assertThat(product.ranges()).isEmpty();
        });
    }
}
