package dev.assay.match.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.VexStatus;
import dev.assay.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenVexReaderTest {
    private static VexDocument read(String fixture) {
        return OpenVexReader.read(Fixtures.bytes(OpenVexReaderTest.class, "vex/" + fixture), fixture);
    }

    @Test
    void read_v020Statement_hasNamesProductsStatusAndReason() {
        VexDocument document = read("openvex-v0.2.0.json");

        assertThat(document.format()).isEqualTo(VexFormat.OPENVEX);
        VexStatement log4shell = document.statements().getFirst();
        assertThat(log4shell.vulnerability()).isEqualTo("CVE-2021-44228");
        assertThat(log4shell.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(log4shell.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
        assertThat(log4shell.statementText()).startsWith("JNDI lookups are disabled");
        assertThat(log4shell.source()).isEqualTo("https://example.org/vex/assay-test-1#log4shell");
        assertThat(log4shell.timestamp()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(log4shell.products()).singleElement().satisfies(product -> {
            assertThat(product.purl()).isEqualTo(Purl.parse("pkg:maven/com.example/shop@1.0.0"));
            assertThat(product.subcomponents())
                    .extracting(VexProduct::purl)
                    .containsExactly(Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
        });
    }

    @Test
    void read_productIdentifiedByItsPurlIdentifier_andStatementTimestampWithNanosAndOffset() {
        VexStatement commonsText = read("openvex-v0.2.0.json").statements().get(1);

        assertThat(commonsText.status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(commonsText.actionStatement()).isEqualTo("Upgrade commons-text to 1.10.0.");
        assertThat(commonsText.products())
                .extracting(VexProduct::purl)
                .containsExactly(Purl.parse("pkg:maven/org.apache.commons/commons-text"));
        assertThat(commonsText.timestamp()).isEqualTo(Instant.parse("2024-03-02T14:30:00.123456789Z"));
    }

    @Test
    void read_productThatIsNoPurlAndUnknownStatus_areWarnedNotApplied() {
        VexDocument document = read("openvex-v0.2.0.json");

        assertThat(document.statements()).hasSize(3);
        assertThat(document.statements().get(2).products()).isEmpty();
        assertThat(document.warnings())
                .anySatisfy(warning -> assertThat(warning).contains("https://example.org/not-a-purl"))
                .anySatisfy(warning -> assertThat(warning).contains("unknown status 'exploited'"));
    }

    @Test
    void read_v001Layout_plainStringsAndStatementSubcomponents() {
        VexDocument document = read("openvex-v0.0.1.json");

        assertThat(document.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.vulnerability()).isEqualTo("CVE-2023-1234");
            assertThat(statement.status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
            assertThat(statement.timestamp()).isEqualTo(Instant.parse("2023-01-09T00:02:03.647787998Z"));
            assertThat(statement.products())
                    .singleElement()
                    .satisfies(product -> assertThat(product.subcomponents())
                            .extracting(VexProduct::purl)
                            .containsExactly(Purl.parse("pkg:apk/wolfi/curl@7.87.0-r0")));
        });
    }

    @Test
    void read_subcomponentsNoneOfWhichIsAPurl_dropsTheProductRatherThanWideningIt() {
        String json = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{
                  "vulnerability": {"name": "CVE-2024-0001"},
                  "products": [{"@id": "pkg:npm/app@1.0.0", "subcomponents": [{"@id": "sha256:abc"}]}],
                  "status": "not_affected", "justification": "component_not_present"}]}
                """;

        VexDocument document = OpenVexReader.read(json.getBytes(StandardCharsets.UTF_8), "narrow.json");

        assertThat(document.statements().getFirst().products()).isEmpty();
        assertThat(document.warnings())
                .anySatisfy(warning -> assertThat(warning).contains("no subcomponent"));
    }

    @Test
    void read_jsonWithoutOpenVexContext_isRejected() {
        assertThatThrownBy(() -> OpenVexReader.read("{\"statements\": []}".getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an OpenVEX document");
    }
}
