package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.RelationshipType;
import dev.assay.model.Sbom;
import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real SBOMs from the CycloneDX and SPDX projects read without error, and survive conversion. */
class CorporaReadTest {

    @TestFactory
    Stream<DynamicTest> read_everyValidCycloneDxSpecificationBom_succeeds() throws IOException {
        Path resources = Corpora.require("sbom/cyclonedx-specification/test-resources");
        List<Path> files = new ArrayList<>();
        for (String version : List.of("1.4", "1.5", "1.6")) {
            try (Stream<Path> listing = Files.list(resources.resolve(version))) {
                listing.filter(file -> {
                            String name = file.getFileName().toString();
                            return name.startsWith("valid-") && (name.endsWith(".json") || name.endsWith(".xml"));
                        })
                        .sorted()
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(200);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(resources.relativize(file).toString(), () -> {
                    Sbom sbom = SbomCodecs.read(Files.readAllBytes(file), file.toString());
                    String name = file.getFileName().toString();
                    if (name.endsWith(".json")) {
                        List<String> purls = new ArrayList<>();
                        collectPurls(
                                SchemaValidation.json(Files.readAllBytes(file)).path("components"), purls);
                        assertThat(purlsOf(sbom))
                                .as("every component purl is read")
                                .containsAll(purls);
                    } else {
                        assertThat(purlsOf(sbom))
                                .as("every component purl is read")
                                .containsAll(xmlPurls(Files.readAllBytes(file)));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> read_everyCycloneDxBomExample_succeeds() throws IOException {
        Path examples = Corpora.require("sbom/cyclonedx-bom-examples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file ->
                            file.toString().endsWith(".json") || file.toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(examples.relativize(file).toString(), () -> {
                    Sbom sbom = SbomCodecs.read(Files.readAllBytes(file), file.toString());
                    assertThat(sbom.metadata()).isNotNull();
                }));
    }

    @TestFactory
    Stream<DynamicTest> read_everySpdx2JsonExample_succeeds() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("sbom/spdx-examples", "sbom/spdx-spec")) {
            try (Stream<Path> walk = Files.walk(Corpora.require(root))) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> file.toString().endsWith(".json"))
                        .filter(file -> !file.toString().contains("spdx3")
                                && !file.toString().contains("schema"))
                        .filter(CorporaReadTest::isSpdx2)
                        .sorted()
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    byte[] content = Files.readAllBytes(file);
                    Sbom sbom = SbomCodecs.read(content, file.toString());
                    int packages =
                            SchemaValidation.json(content).path("packages").size();
                    int read = sbom.components().size() + (sbom.metadata().subject() == null ? 0 : 1);
                    assertThat(read)
                            .as("packages kept (same-purl packages merge)")
                            .isPositive()
                            .isLessThanOrEqualTo(packages);
                    if (packages > 0) {
                        assertThat(read).isPositive();
                    }
                }));
    }

    @ParameterizedTest
    @CsvSource({
        "sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json",
        "sbom/cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.json",
        "sbom/cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.xml",
        "sbom/cyclonedx-bom-examples/SBOM/juice-shop/v11.1.2/bom.json",
        "sbom/cyclonedx-bom-examples/SBOM/proton-bridge/proton-bridge-v1.8.0.bom.json"
    })
    void convert_realBomToSpdxAndBack_keepsComponentAndDependencyCounts(String corpusPath) throws IOException {
        Path file = Corpora.require(corpusPath);
        Sbom original = SbomCodecs.read(Files.readAllBytes(file), file.toString());
        long dependencyEdges = countDependencyEdges(original);
        assertThat(original.components()).hasSizeGreaterThan(10);

        Sbom viaSpdx = Codec.convert(original, SbomFormat.SPDX_JSON, null);
        Sbom back = Codec.convert(viaSpdx, SbomFormat.CYCLONEDX_JSON, null);

        assertThat(viaSpdx.components()).hasSameSizeAs(original.components());
        assertThat(back.components()).hasSameSizeAs(original.components());
        assertThat(countDependencyEdges(viaSpdx)).isEqualTo(dependencyEdges);
        assertThat(countDependencyEdges(back)).isEqualTo(dependencyEdges);
        RoundTripTest.assertSameInventory(back, original);
    }

    @ParameterizedTest
    @CsvSource({
        "sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json, 1.6",
        "sbom/cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.xml, 1.5",
        "sbom/cyclonedx-bom-examples/SBOM/juice-shop/v11.1.2/bom.json, 1.4"
    })
    void convert_realBom_writesSchemaValidOutput(String corpusPath, String version) throws IOException {
        Path file = Corpora.require(corpusPath);
        Sbom sbom = SbomCodecs.read(Files.readAllBytes(file), file.toString());

        assertThat(SchemaValidation.cycloneDxJson(Codec.write(sbom, SbomFormat.CYCLONEDX_JSON, version), version))
                .isEmpty();
        assertThat(SchemaValidation.cycloneDxXml(Codec.write(sbom, SbomFormat.CYCLONEDX_XML, version), version))
                .isEmpty();
        assertThat(SchemaValidation.spdxJson(Codec.write(sbom, SbomFormat.SPDX_JSON, null)))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void read_keycloak_hasItsDocumentedShape() throws IOException {
        Path file = Corpora.require("sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json");
        JsonNode raw = SchemaValidation.json(Files.readAllBytes(file));
        Sbom sbom = SbomCodecs.read(Files.readAllBytes(file), file.toString());

        long withPurl = countWithPurl(raw.path("components"));
        assertThat(sbom.components())
                .hasSizeGreaterThanOrEqualTo((int) Math.min(withPurl, 1))
                .hasSizeLessThanOrEqualTo((int) countAll(raw.path("components")));
        assertThat(sbom.components())
                .anySatisfy(component -> assertThat(component.purl().type()).isEqualTo("maven"));
        assertThat(sbom.components())
                .anySatisfy(component -> assertThat(component.hashes()).isNotEmpty());
        assertThat(sbom.components())
                .anySatisfy(component -> assertThat(component.licenses()).isNotEmpty());
    }

    private static long countDependencyEdges(Sbom sbom) {
        return sbom.relationships().stream()
                .filter(relationship -> relationship.type() == RelationshipType.DEPENDS_ON)
                .count();
    }

    private static long countWithPurl(JsonNode components) {
        long count = 0;
        for (JsonNode component : components) {
            count += component.has("purl") ? 1 : 0;
            count += countWithPurl(component.path("components"));
        }
        return count;
    }

    private static long countAll(JsonNode components) {
        long count = 0;
        for (JsonNode component : components) {
            count += 1 + countAll(component.path("components"));
        }
        return count;
    }

    private static void collectPurls(JsonNode components, List<String> purls) {
        for (JsonNode component : components) {
            String purl = component.path("purl").asText("");
            if (!purl.isEmpty()) {
                try {
                    purls.add(dev.assay.model.Purl.parse(purl).toString());
                } catch (dev.assay.model.InvalidPurlException e) {
                    // an unparsable purl is kept as a generic purl; the reader tests check that
                }
            }
            collectPurls(component.path("components"), purls);
        }
    }

    /** Purls of components under {@code bom/components}, nested ones included. */
    private static List<String> xmlPurls(byte[] xml) {
        org.w3c.dom.Document document = dev.assay.model.untrusted.SafeXml.parse(xml, "bom.xml");
        String namespace = document.getDocumentElement().getNamespaceURI();
        List<String> purls = new ArrayList<>();
        org.w3c.dom.NodeList components = document.getElementsByTagNameNS(namespace, "component");
        for (int index = 0; index < components.getLength(); index++) {
            org.w3c.dom.Element component = (org.w3c.dom.Element) components.item(index);
            org.w3c.dom.Node list = component.getParentNode();
            org.w3c.dom.Node owner = list.getParentNode();
            boolean inventory = "components".equals(list.getLocalName())
                    && ("bom".equals(owner.getLocalName()) || "component".equals(owner.getLocalName()));
            if (!inventory) {
                continue;
            }
            for (org.w3c.dom.Node child = component.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("purl".equals(child.getLocalName())) {
                    try {
                        purls.add(dev.assay.model.Purl.parse(
                                        child.getTextContent().strip())
                                .toString());
                    } catch (dev.assay.model.InvalidPurlException e) {
                        // kept as a generic purl
                    }
                }
            }
        }
        return purls;
    }

    private static java.util.SortedSet<String> purlsOf(Sbom sbom) {
        java.util.SortedSet<String> purls = new java.util.TreeSet<>();
        sbom.components().forEach(component -> purls.add(component.purl().toString()));
        return purls;
    }

    private static boolean isSpdx2(Path file) {
        try {
            return Files.readString(file).contains("\"spdxVersion\"");
        } catch (IOException e) {
            return false;
        }
    }
}
