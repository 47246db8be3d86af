package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import dev.assay.model.untrusted.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class CycloneDxWriterTest {
    private static final Sbom RICH = SampleSboms.rich();

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "1.5", "1.6"})
    void write_richSbomAsJson_validatesAgainstOfficialSchema(String version) throws Exception {
        byte[] bom = Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, version);

        assertThat(SchemaValidation.cycloneDxJson(bom, version)).isEmpty();
        assertThat(SchemaValidation.json(bom).path("specVersion").asText()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "1.5", "1.6"})
    void write_richSbomAsXml_validatesAgainstOfficialXsd(String version) throws Exception {
        byte[] bom = Codec.write(RICH, SbomFormat.CYCLONEDX_XML, version);

        assertThat(SchemaValidation.cycloneDxXml(bom, version)).isEmpty();
        Document document = SafeXml.parse(bom, "bom.xml");
        assertThat(document.getDocumentElement().getNamespaceURI())
                .isEqualTo("http://cyclonedx.org/schema/bom/" + version);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void write_randomSboms_validateInEveryVersion(int seed) throws Exception {
        Sbom sbom = SampleSboms.random(seed, 40);
        for (String version : List.of("1.4", "1.5", "1.6")) {
            assertThat(SchemaValidation.cycloneDxJson(Codec.write(sbom, SbomFormat.CYCLONEDX_JSON, version), version))
                    .as("JSON %s", version)
                    .isEmpty();
            assertThat(SchemaValidation.cycloneDxXml(Codec.write(sbom, SbomFormat.CYCLONEDX_XML, version), version))
                    .as("XML %s", version)
                    .isEmpty();
        }
    }

    @Test
    void write_defaultVersion_isCycloneDx16() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, null));

        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    }

    @Test
    void write_components_useThePurlAsBomRefAndCarryTypeScopeHashesAndLicenses() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.6"));

        JsonNode jackson = component(bom, SampleSboms.JACKSON.toString());
        assertThat(jackson.path("bom-ref").asText())
                .isEqualTo(jackson.path("purl").asText());
        assertThat(jackson.path("group").asText()).isEqualTo("com.fasterxml.jackson.core");
        assertThat(jackson.path("type").asText()).isEqualTo("library");
        assertThat(texts(jackson.path("hashes"), "alg")).containsExactly("MD5", "SHA-1", "SHA-256");
        assertThat(jackson.path("licenses").get(0).path("license").path("id").asText())
                .isEqualTo("Apache-2.0");

        JsonNode lodash = component(bom, SampleSboms.LODASH.toString());
        assertThat(lodash.path("licenses").get(0).path("expression").asText()).isEqualTo("MIT OR Apache-2.0");
        assertThat(texts(lodash.path("hashes"), "alg")).containsExactly("SHA-512");

        JsonNode mocha = component(bom, SampleSboms.MOCHA.toString());
        assertThat(mocha.path("scope").asText()).isEqualTo("excluded");
        assertThat(mocha.path("licenses").findValuesAsText("name")).containsExactly("Apache License, Version 2.0");
        assertThat(mocha.path("licenses").findValuesAsText("id")).containsExactly("BSD-3-Clause");

        assertThat(component(bom, SampleSboms.SPRING.toString()).path("type").asText())
                .isEqualTo("framework");
        assertThat(component(bom, SampleSboms.SPRING.toString()).path("scope").asText())
                .isEqualTo("optional");
        assertThat(component(bom, SampleSboms.BASE.toString()).path("type").asText())
                .isEqualTo("container");
        assertThat(component(bom, SampleSboms.BUSYBOX.toString()).path("type").asText())
                .isEqualTo("file");
        assertThat(component(bom, SampleSboms.APP.toString()).path("type").asText())
                .isEqualTo("application");
    }

    @Test
    void write_evidence16_hasOccurrencesWithLayerAndPurlIdentity() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.6"));

        JsonNode lodash = component(bom, SampleSboms.LODASH.toString());
        JsonNode occurrences = lodash.path("evidence").path("occurrences");
        assertThat(texts(occurrences, "location"))
                .containsExactly("app/node_modules/lodash/package.json", "app/package-lock.json");
        assertThat(occurrences.get(0).path("additionalContext").asText()).isEqualTo("layer " + SampleSboms.LAYER);
        JsonNode identity = lodash.path("evidence").path("identity").get(0);
        assertThat(identity.path("field").asText()).isEqualTo("purl");
        assertThat(identity.path("concludedValue").asText()).isEqualTo(SampleSboms.LODASH.toString());
        assertThat(texts(identity.path("methods"), "technique")).containsOnly("manifest-analysis");
        assertThat(texts(identity.path("methods"), "value"))
                .contains("javascript-package-lock-cataloger (package-lock.json)");

        JsonNode spring = component(bom, SampleSboms.SPRING.toString());
        assertThat(spring.path("evidence")
                        .path("identity")
                        .get(0)
                        .path("methods")
                        .get(0)
                        .path("technique")
                        .asText())
                .isEqualTo("filename");
        JsonNode jackson = component(bom, SampleSboms.JACKSON.toString());
        assertThat(jackson.path("evidence")
                        .path("identity")
                        .get(0)
                        .path("methods")
                        .get(0)
                        .path("technique")
                        .asText())
                .isEqualTo("binary-analysis");
        assertThat(jackson.path("evidence")
                        .path("occurrences")
                        .get(0)
                        .path("location")
                        .asText())
                .isEqualTo("app/lib/app.jar!/BOOT-INF/lib/jackson-databind-2.17.0.jar");
    }

    @Test
    void write_evidence_alsoTravelsAsAssayProperties() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.4"));

        Map<String, List<String>> properties = properties(component(bom, SampleSboms.LODASH.toString()));
        assertThat(properties.get("assay:found-by"))
                .containsExactly("javascript-package-cataloger,javascript-package-lock-cataloger");
        assertThat(properties.get("assay:location:1")).containsExactly("app/node_modules/lodash/package.json");
        assertThat(properties.get("assay:location:2")).containsExactly("app/package-lock.json");
        assertThat(properties.get("assay:layer-digest")).containsExactly(SampleSboms.LAYER);
        assertThat(properties.get("assay:version-source")).containsExactly("package-lock.json,package.json");
        assertThat(properties(component(bom, SampleSboms.LIBC.toString())).get("assay:source-package"))
                .containsExactly("glibc");
        assertThat(component(bom, SampleSboms.LODASH.toString()).has("evidence"))
                .isFalse();
    }

    @Test
    void write_dependencies_listEveryComponentAndTheSubjectWithDependsOn() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.6"));

        List<String> refs = texts(bom.path("dependencies"), "ref");
        assertThat(refs).hasSize(RICH.components().size() + 1).contains(SampleSboms.SUBJECT.toString());
        assertThat(refs).isSorted();
        assertThat(dependsOn(bom, SampleSboms.SUBJECT.toString())).containsExactly(SampleSboms.APP.toString());
        assertThat(dependsOn(bom, SampleSboms.APP.toString()))
                .containsExactly(
                        SampleSboms.JACKSON.toString(), SampleSboms.LODASH.toString(), SampleSboms.MOCHA.toString());
        assertThat(dependsOn(bom, SampleSboms.LODASH.toString())).isEmpty();
    }

    @Test
    void write_containsEdges_becomeContainedByProperties() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.6"));

        assertThat(properties(component(bom, SampleSboms.LIBC.toString())).get("assay:contained-by"))
                .containsExactly(SampleSboms.BASE.toString(), SampleSboms.SUBJECT.toString());
        assertThat(dependsOn(bom, SampleSboms.BASE.toString())).isEmpty();
    }

    @Test
    void write_metadata_hasSubjectToolsDistroAndUnknowns() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.6"));

        JsonNode metadata = bom.path("metadata");
        assertThat(metadata.path("component").path("bom-ref").asText()).isEqualTo(SampleSboms.SUBJECT.toString());
        assertThat(metadata.path("component").path("type").asText()).isEqualTo("container");
        assertThat(metadata.path("tools").path("components").get(0).path("name").asText())
                .isEqualTo("assay");
        Map<String, List<String>> properties = properties(metadata);
        assertThat(properties.get("assay:distro:id")).containsExactly("debian");
        assertThat(properties.get("assay:distro:version-id")).containsExactly("12");
        assertThat(properties.get("assay:unknown:1"))
                .containsExactly("app/broken/package-lock.json: not valid JSON: unexpected end of input");
        assertThat(properties.get("assay:unknown:2"))
                .containsExactly("app/lib/bomb.jar: expands past the limit: 1 GiB");
        assertThat(properties.get("assay:source-kind")).containsExactly("image");
        JsonNode os = StreamSupport.stream(bom.path("components").spliterator(), false)
                .filter(component ->
                        component.path("type").asText().equals("operating-system") && !component.has("purl"))
                .findFirst()
                .orElseThrow();
        assertThat(os.path("name").asText()).isEqualTo("debian");
        assertThat(os.path("version").asText()).isEqualTo("12");
    }

    @Test
    void write_version14_usesTheLegacyToolsList() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.4"));

        JsonNode tools = bom.path("metadata").path("tools");
        assertThat(tools.isArray()).isTrue();
        assertThat(tools.get(0).path("vendor").asText()).isEqualTo("Assay");
        assertThat(tools.get(0).path("version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void write_componentsAndProperties_areSorted() throws Exception {
        JsonNode bom = SchemaValidation.json(Codec.write(SampleSboms.random(7, 60), SbomFormat.CYCLONEDX_JSON, "1.6"));

        List<String> refs = new ArrayList<>(texts(bom.path("components"), "bom-ref"));
        assertThat(refs).isSorted();
        for (JsonNode component : bom.path("components")) {
            assertThat(texts(component.path("properties"), "name")).isSorted();
        }
    }

    @Test
    void write_unsupportedSpecVersion_isRejectedNamingTheVersions() {
        assertThatThrownBy(() -> Codec.write(RICH, SbomFormat.CYCLONEDX_JSON, "1.7"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1.4, 1.5 or 1.6");
        assertThatThrownBy(() -> Codec.write(RICH, SbomFormat.SPDX_JSON, "1.6"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2.3");
    }

    @Test
    void write_xml_isUtf8WithTheBomRoot() {
        String xml = new String(Codec.write(RICH, SbomFormat.CYCLONEDX_XML, "1.6"), StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml").contains("<bom ").contains("bom-ref=\"pkg:npm/lodash@4.17.21\"");
    }

    static JsonNode component(JsonNode bom, String purl) {
        return StreamSupport.stream(bom.path("components").spliterator(), false)
                .filter(component -> component.path("purl").asText().equals(purl))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + purl));
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asText())
                .toList();
    }

    static Map<String, List<String>> properties(JsonNode node) {
        Map<String, List<String>> properties = new java.util.TreeMap<>();
        for (JsonNode property : node.path("properties")) {
            properties
                    .computeIfAbsent(property.path("name").asText(), ignored -> new ArrayList<>())
                    .add(property.path("value").asText());
        }
        return properties;
    }

    private static List<String> dependsOn(JsonNode bom, String ref) {
        for (JsonNode dependency : bom.path("dependencies")) {
            if (dependency.path("ref").asText().equals(ref)) {
                return StreamSupport.stream(dependency.path("dependsOn").spliterator(), false)
                        .map(JsonNode::asText)
                        .toList();
            }
        }
        throw new AssertionError("no dependency entry for " + ref);
    }
}
