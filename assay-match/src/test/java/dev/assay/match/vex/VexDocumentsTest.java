package dev.assay.match.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.AssayException;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.UnableToParseException;
import dev.assay.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile and malformed input: every failure is a typed Assay error naming the document. */
class VexDocumentsTest {
    @Test
    void read_xmlWithExternalEntity_isRefusedWithoutResolvingIt() {
        byte[] xxe = Fixtures.bytes(VexDocumentsTest.class, "vex/cyclonedx-xxe.xml");

        assertThatThrownBy(() -> VexDocuments.read(xxe, "xxe.xml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("xxe.xml")
                .hasMessageNotContaining("root:");
    }

    @Test
    void read_invalidUtf8_isUnableToParse() {
        byte[] content = {'{', '"', '@', 'c', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}'};

        assertThatThrownBy(() -> VexDocuments.read(content, "bad.json")).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void read_deeplyNestedJson_isRefused() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> VexDocuments.read(nested.getBytes(StandardCharsets.UTF_8), "deep.json"))
                .isInstanceOf(UnableToParseException.class);
    }

    @Test
    void read_deeplyNestedXml_failsAsATypedError() {
        String nested = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">" + "<a>".repeat(200_000)
                + "</a>".repeat(200_000) + "</bom>";

        assertThatThrownBy(() -> VexDocuments.read(nested.getBytes(StandardCharsets.UTF_8), "deep.xml"))
                .isInstanceOf(AssayException.class);
    }

    @Test
    void read_streamLargerThanTheLimit_stopsAtTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) ' ');
                return length;
            }
        };

        assertThatThrownBy(() -> VexDocuments.read(endless, "huge.json")).isInstanceOf(InputTooLargeException.class);
    }

    @Test
    void read_emptyAndNonVexJson_areRejected() {
        assertThatThrownBy(() -> VexDocuments.read(new byte[0], "empty.json"))
                .isInstanceOf(UnableToParseException.class);
        assertThatThrownBy(() ->
                        VexDocuments.read("{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8), "s.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("neither an OpenVEX nor a CycloneDX document");
    }

    @Test
    void read_wrongTypesEverywhere_yieldsWarningsNotCrashes() {
        String json = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
                  42, {"vulnerability": 7, "products": "x", "status": "fixed"},
                  {"vulnerability": {"name": ["CVE"]}, "status": {"a": 1}}]}
                """;

        VexDocument document = VexDocuments.read(json.getBytes(StandardCharsets.UTF_8), "odd.json");

        assertThat(document.statements()).isEmpty();
        assertThat(document.warnings()).hasSize(3);
    }

    @Test
    void read_cycloneDxWithWrongTypes_yieldsNoStatementsNotCrashes() {
        String json = """
                {"bomFormat": "CycloneDX", "metadata": 3, "components": {"a": 1},
                 "vulnerabilities": [1, {"id": 5}, {"id": "CVE-2024-0001", "analysis": {"state": "not_affected"},
                   "affects": [{"ref": {"x": 1}}, {"ref": "pkg:npm/a@1", "versions": "nope"}]}]}
                """;

        VexDocument document = VexDocuments.read(json.getBytes(StandardCharsets.UTF_8), "odd.cdx.json");

        assertThat(document.statements())
                .singleElement()
                .satisfies(statement -> assertThat(statement.products()).hasSize(1));
    }

    @Test
    void read_byteOrderMarkBeforeXml_isRecognised() {
        byte[] xml = Fixtures.bytes(VexDocumentsTest.class, "vex/cyclonedx-vex.xml");
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(xml, 0, withBom, 3, xml.length);

        assertThat(VexDocuments.looksLikeXml(withBom)).isTrue();
        assertThat(VexDocuments.read(new ByteArrayInputStream(xml).readAllBytes(), "vex.xml")
                        .statements())
                .hasSize(2);
    }
}
