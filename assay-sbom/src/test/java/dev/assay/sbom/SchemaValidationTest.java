package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.testkit.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The validators the writer tests rely on do reject invalid documents. */
class SchemaValidationTest {

    @Test
    void cycloneDxJson_invalidSpecBom_hasErrors() throws Exception {
        Path invalid = Corpora.require("sbom/cyclonedx-specification/test-resources/1.6/invalid-hash-alg-1.6.json");

        assertThat(SchemaValidation.cycloneDxJson(Files.readAllBytes(invalid), "1.6"))
                .isNotEmpty();
    }

    @Test
    void cycloneDxXml_invalidSpecBom_hasErrors() throws Exception {
        Path invalid = Corpora.require("sbom/cyclonedx-specification/test-resources/1.6/invalid-license-id-1.6.xml");

        assertThat(SchemaValidation.cycloneDxXml(Files.readAllBytes(invalid), "1.6"))
                .isNotEmpty();
    }

    @Test
    void spdxJson_documentWithoutRequiredFields_hasErrors() throws Exception {
        assertThat(SchemaValidation.spdxJson("{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[{}]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    @Test
    void spdxJson_canonicalExample_isValid() throws Exception {
        Path example = Corpora.require("sbom/spdx-spec/v2.3/examples/SPDXJSONExample-v2.3.spdx.json");

        assertThat(SchemaValidation.spdxJson(Files.readAllBytes(example))).isEmpty();
    }
}
