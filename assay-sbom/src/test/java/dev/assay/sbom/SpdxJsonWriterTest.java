package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Sbom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxJsonWriterTest {
    private static final Sbom RICH = SampleSboms.rich();

    @Test
    void write_richSbom_validatesAgainstTheSpdx23Schema() throws Exception {
        byte[] document = Codec.write(RICH, SbomFormat.SPDX_JSON, "2.3");

        assertThat(SchemaValidation.spdxJson(document)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void write_randomSboms_validateAgainstTheSpdx23Schema(int seed) throws Exception {
        assertThat(SchemaValidation.spdxJson(Codec.write(SampleSboms.random(seed, 50), SbomFormat.SPDX_JSON, null)))
                .isEmpty();
    }

    @Test
    void write_document_hasTheRequiredHeader() throws Exception {
        JsonNode document = SchemaValidation.json(Codec.write(RICH, SbomFormat.SPDX_JSON, null));

        assertThat(document.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(document.path("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(document.path("SPDXID").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(document.path("documentNamespace").asText())
                .startsWith("https://assay.dev/spdxdocs/shop-image-")
                .matches(".*-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(document.path("creationInfo").path("creators").get(0).asText())
                .isEqualTo("Tool: assay-0.1.0");
        assertThat(document.path("creationInfo").path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void write_packages_haveValidIdsPurlsAndNoAssertions() throws Exception {
        JsonNode document = SchemaValidation.json(Codec.write(RICH, SbomFormat.SPDX_JSON, null));

        JsonNode packages = document.path("packages");
        assertThat(packages).hasSize(RICH.components().size() + 1);
        List<String> ids = new ArrayList<>();
        for (JsonNode node : packages) {
            ids.add(node.path("SPDXID").asText());
            assertThat(node.path("SPDXID").asText()).matches("SPDXRef-Package-[A-Za-z0-9.-]+");
            assertThat(node.path("downloadLocation").asText()).isEqualTo("NOASSERTION");
            assertThat(node.path("filesAnalyzed").asBoolean(true)).isFalse();
            assertThat(node.path("licenseConcluded").asText()).isEqualTo("NOASSERTION");
            JsonNode reference = node.path("externalRefs").get(0);
            assertThat(reference.path("referenceCategory").asText()).isEqualTo("PACKAGE-MANAGER");
            assertThat(reference.path("referenceType").asText()).isEqualTo("purl");
        }
        assertThat(ids).doesNotHaveDuplicates();

        JsonNode libc = packageWithPurl(document, SampleSboms.LIBC.toString());
        assertThat(libc.path("versionInfo").asText()).isEqualTo("2.36-9+deb12u4");
        assertThat(libc.path("licenseDeclared").asText()).isEqualTo("(GPL-2.0-or-later) AND (LGPL-2.1-or-later)");
        assertThat(libc.path("checksums").get(0).path("algorithm").asText()).isEqualTo("SHA256");
        assertThat(libc.path("primaryPackagePurpose").asText()).isEqualTo("LIBRARY");
        assertThat(libc.path("sourceInfo").asText())
                .isEqualTo("found by os-dpkg-cataloger in var/lib/dpkg/status (layer " + SampleSboms.LAYER
                        + "), version from dpkg status");
        assertThat(packageWithPurl(document, SampleSboms.OS_PACKAGE.toString())
                        .path("primaryPackagePurpose")
                        .asText())
                .isEqualTo("OPERATING_SYSTEM");
        assertThat(packageWithPurl(document, SampleSboms.APP.toString())
                        .path("licenseDeclared")
                        .asText())
                .isEqualTo("MIT");
        assertThat(packageWithPurl(document, SampleSboms.SPRING.toString())
                        .path("licenseDeclared")
                        .asText())
                .isEqualTo("Apache-2.0 WITH Classpath-exception-2.0");
    }

    @Test
    void write_freeTextLicense_becomesAnExtractedLicenseRef() throws Exception {
        JsonNode document = SchemaValidation.json(Codec.write(RICH, SbomFormat.SPDX_JSON, null));

        JsonNode mocha = packageWithPurl(document, SampleSboms.MOCHA.toString());
        assertThat(mocha.path("licenseDeclared").asText())
                .isEqualTo("(LicenseRef-Apache-License-Version-2.0) AND (BSD-3-Clause)");
        JsonNode extracted = document.path("hasExtractedLicensingInfos").get(0);
        assertThat(extracted.path("licenseId").asText()).isEqualTo("LicenseRef-Apache-License-Version-2.0");
        assertThat(extracted.path("name").asText()).isEqualTo("Apache License, Version 2.0");
        assertThat(extracted.path("extractedText").asText()).isEqualTo("Apache License, Version 2.0");
    }

    @Test
    void write_relationships_describeTheSubjectAndKeepTheGraph() throws Exception {
        JsonNode document = SchemaValidation.json(Codec.write(RICH, SbomFormat.SPDX_JSON, null));

        String subject = packageWithPurl(document, SampleSboms.SUBJECT.toString())
                .path("SPDXID")
                .asText();
        String app = packageWithPurl(document, SampleSboms.APP.toString())
                .path("SPDXID")
                .asText();
        String lodash = packageWithPurl(document, SampleSboms.LODASH.toString())
                .path("SPDXID")
                .asText();
        String base = packageWithPurl(document, SampleSboms.BASE.toString())
                .path("SPDXID")
                .asText();
        String libc = packageWithPurl(document, SampleSboms.LIBC.toString())
                .path("SPDXID")
                .asText();
        List<String> relationships = StreamSupport.stream(
                        document.path("relationships").spliterator(), false)
                .map(node -> node.path("spdxElementId").asText() + " "
                        + node.path("relationshipType").asText() + " "
                        + node.path("relatedSpdxElement").asText())
                .toList();
        assertThat(relationships.get(0)).isEqualTo("SPDXRef-DOCUMENT DESCRIBES " + subject);
        assertThat(relationships)
                .contains(
                        subject + " DEPENDS_ON " + app,
                        app + " DEPENDS_ON " + lodash,
                        base + " CONTAINS " + libc,
                        subject + " CONTAINS " + libc,
                        subject + " CONTAINS " + lodash);
    }

    @Test
    void write_assayFacts_travelAsAnnotations() throws Exception {
        JsonNode document = SchemaValidation.json(Codec.write(RICH, SbomFormat.SPDX_JSON, null));

        List<String> documentComments = document.path("annotations").findValuesAsText("comment");
        assertThat(documentComments)
                .contains(
                        "assay:distro:id: debian",
                        "assay:unknown:2: app/lib/bomb.jar: expands past the limit: 1 GiB",
                        "assay:source-kind: image");
        List<String> mochaComments = packageWithPurl(document, SampleSboms.MOCHA.toString())
                .path("annotations")
                .findValuesAsText("comment");
        assertThat(mochaComments).contains("assay:scope: excluded", "assay:location:1: app/package-lock.json");
    }

    static JsonNode packageWithPurl(JsonNode document, String purl) {
        for (JsonNode node : document.path("packages")) {
            for (JsonNode reference : node.path("externalRefs")) {
                if (reference.path("referenceLocator").asText().equals(purl)) {
                    return node;
                }
            }
        }
        throw new AssertionError("no package " + purl);
    }
}
