package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import dev.assay.model.UnableToParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SbomFormatDetectorTest {

    @Test
    void read_cycloneDxJsonWithByteOrderMark_isDetected() {
        byte[] bom = bytes(
                "\uFEFF  {\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":"
                        + "[{\"type\":\"library\",\"name\":\"left-pad\",\"version\":\"1.3.0\",\"purl\":\"pkg:npm/left-pad@1.3.0\"}]}");

        Sbom sbom = SbomCodecs.read(bom, "bom.json");

        assertThat(sbom.components())
                .extracting(component -> component.purl().toString())
                .containsExactly("pkg:npm/left-pad@1.3.0");
    }

    @Test
    void read_cycloneDxXmlOfAnyVersionNamespace_isDetected() {
        byte[] bom = bytes("<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.3\" version=\"1\">"
                + "<components><component type=\"library\"><name>x</name><version>1</version>"
                + "<purl>pkg:pypi/x@1</purl></component></components></bom>");

        assertThat(SbomCodecs.read(bom, "bom.xml").components()).hasSize(1);
    }

    @Test
    void read_jsonThatIsNoSbom_namesTheFileAndWhatWasExpected() {
        assertThatThrownBy(() -> SbomCodecs.read(bytes("{\"name\":\"package.json\"}"), "package.json"))
                .isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(UnableToParseException.class)
                .hasMessageContaining("package.json")
                .hasMessageContaining("bomFormat")
                .hasMessageContaining("spdxVersion");
    }

    @Test
    void read_xmlThatIsNoCycloneDx_namesTheRoot() {
        assertThatThrownBy(() ->
                        SbomCodecs.read(bytes("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>"), "pom.xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pom.xml")
                .hasMessageContaining("<project>")
                .hasMessageContaining("CycloneDX");
    }

    @Test
    void read_spdx3JsonLd_isRejectedAsUnsupported() {
        byte[] spdx3 = bytes("{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\"@graph\":[]}");

        assertThatThrownBy(() -> SbomCodecs.read(spdx3, "sbom.spdx3.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SPDX 3");
    }

    @Test
    void read_spdxTagValue_saysItIsNotSupported() {
        assertThatThrownBy(() -> SbomCodecs.read(bytes("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n"), "sbom.spdx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tag-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "\uFEFF"})
    void read_empty_isUnableToParse(String content) {
        assertThatThrownBy(() -> SbomCodecs.read(bytes(content), "empty.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("empty.json");
    }

    @Test
    void read_binaryGarbage_isInvalidInput() {
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

        assertThatThrownBy(() -> SbomCodecs.read(garbage, "logo.png"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("logo.png");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"xxe-file.cdx.xml", "billion-laughs.cdx.xml", "external-dtd.cdx.xml", "parameter-entity.cdx.xml"
            })
    void read_xmlWithDoctype_isRefusedBeforeAnyEntityIsResolved(String fixture) throws IOException {
        byte[] content = fixture(fixture);

        assertThatThrownBy(() -> assertTimeout(() -> SbomCodecs.read(content, fixture)))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining(fixture)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void read_truncatedJson_isUnableToParse() throws IOException {
        byte[] content = fixture("truncated.cdx.json");

        assertThatThrownBy(() -> SbomCodecs.read(content, "truncated.cdx.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("truncated.cdx.json");
    }

    @Test
    void read_deeplyNestedJson_isUnableToParse() throws IOException {
        byte[] content = fixture("deep-nesting.cdx.json");

        assertThatThrownBy(() -> SbomCodecs.read(content, "deep-nesting.cdx.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("deep-nesting.cdx.json");
    }

    @Test
    void read_deeplyNestedXmlComponents_isUnableToParse() {
        StringBuilder xml = new StringBuilder("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>");
        xml.append("<component type=\"library\"><name>n</name><components>".repeat(300));
        xml.append("</components></component>".repeat(300));
        xml.append("</components></bom>");

        assertThatThrownBy(() -> SbomCodecs.read(bytes(xml.toString()), "nested.xml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("nested");
    }

    @Test
    void read_invalidUtf8InJson_isUnableToParse() {
        byte[] content = bytes("{\"bomFormat\":\"CycloneDX\",\"components\":[{\"name\":\"");
        byte[] broken = new byte[content.length + 4];
        System.arraycopy(content, 0, broken, 0, content.length);
        broken[content.length] = (byte) 0xc3;
        broken[content.length + 1] = (byte) 0x28;
        broken[content.length + 2] = '"';
        broken[content.length + 3] = '}';

        assertThatThrownBy(() -> SbomCodecs.read(broken, "broken.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("broken.json");
    }

    @Test
    void read_offSchemaValues_areToleratedNotFatal() {
        byte[] bom = bytes("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
                + "{\"type\":\"firmware\",\"name\":\"fw\",\"version\":\"2\",\"purl\":\"not a purl\","
                + "\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"zz\"},{\"alg\":\"MD2\",\"content\":\"ab\"}],"
                + "\"licenses\":\"MIT\",\"properties\":{}}],"
                + "\"dependencies\":[{\"ref\":\"nowhere\",\"dependsOn\":[\"also-nowhere\"]}],"
                + "\"metadata\":{\"timestamp\":\"yesterday\",\"tools\":\"assay\"}}");

        Sbom sbom = SbomCodecs.read(bom, "odd.json");

        assertThat(sbom.components()).hasSize(1);
        var component = sbom.components().get(0);
        assertThat(component.purl().toString()).isEqualTo("pkg:generic/fw@2");
        assertThat(component.property("assay:original-purl")).contains("not a purl");
        assertThat(component.property("assay:cyclonedx-type")).contains("firmware");
        assertThat(component.hashes()).isEmpty();
        assertThat(sbom.relationships()).isEmpty();
        assertThat(sbom.metadata().timestamp()).isNull();
    }

    private static void assertTimeout(Runnable action) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), action::run);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream input = SbomFormatDetectorTest.class.getResourceAsStream("/sbom/hostile/" + name)) {
            if (input == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return input.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
