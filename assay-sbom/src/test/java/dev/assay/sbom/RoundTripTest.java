package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Component;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Assay -> CycloneDX -> Assay -> SPDX -> Assay (and XML, and older versions) keeps components with
 * everything in them, the graph, unknowns, distro and subject. Run over the rich sample and over seeded
 * random inventories (a property test with fixed seeds, so a failure always reproduces).
 */
class RoundTripTest {

    static Stream<Arguments> chains() {
        return Stream.of(
                Arguments.of("cdx-json-1.6 > spdx", List.of(SbomFormat.CYCLONEDX_JSON, SbomFormat.SPDX_JSON), "1.6"),
                Arguments.of("cdx-xml-1.6 > spdx", List.of(SbomFormat.CYCLONEDX_XML, SbomFormat.SPDX_JSON), "1.6"),
                Arguments.of("spdx > cdx-json-1.5", List.of(SbomFormat.SPDX_JSON, SbomFormat.CYCLONEDX_JSON), "1.5"),
                Arguments.of(
                        "cdx-xml-1.4 > cdx-json-1.4",
                        List.of(SbomFormat.CYCLONEDX_XML, SbomFormat.CYCLONEDX_JSON),
                        "1.4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void convert_richSbom_keepsEverything(String label, List<SbomFormat> chain, String cycloneDxVersion) {
        Sbom original = SampleSboms.rich();
        Sbom converted = original;
        for (SbomFormat format : chain) {
            converted = Codec.convert(converted, format, format == SbomFormat.SPDX_JSON ? null : cycloneDxVersion);
        }

        assertSameInventory(converted, original);
        assertThat(converted.metadata().distro()).isEqualTo(original.metadata().distro());
        // SPDX names tools only as "Tool: name-version"; the vendor does not survive it.
        assertThat(converted.metadata().tools())
                .extracting(tool -> tool.name() + "@" + tool.version())
                .containsExactly("assay@0.1.0");
        assertThat(converted.metadata().properties())
                .isEqualTo(original.metadata().properties());
        assertThat(converted.metadata().subject()).isEqualTo(original.metadata().subject());
    }

    @Test
    void convert_nonDeterministic_keepsSerialNumberAndTimestamp() {
        Sbom original = SampleSboms.rich();
        Sbom viaCycloneDx = SbomCodecs.read(
                Codec.write(original, SbomFormat.CYCLONEDX_JSON, null, false, java.util.Map.of()), "bom.json");
        Sbom viaSpdx = SbomCodecs.read(
                Codec.write(viaCycloneDx, SbomFormat.SPDX_JSON, null, false, java.util.Map.of()), "bom.spdx.json");

        assertThat(viaSpdx.metadata().serialNumber())
                .isEqualTo(original.metadata().serialNumber());
        assertThat(viaSpdx.metadata().timestamp()).isEqualTo(original.metadata().timestamp());
    }

    @Test
    void convert_randomSboms_keepComponentsHashesLicensesAndGraph() {
        for (long seed = 1; seed <= 25; seed++) {
            Sbom original = SampleSboms.random(seed, 30);
            Sbom viaCycloneDx = Codec.convert(original, SbomFormat.CYCLONEDX_JSON, null);
            Sbom viaSpdx = Codec.convert(viaCycloneDx, SbomFormat.SPDX_JSON, null);
            Sbom viaXml = Codec.convert(viaSpdx, SbomFormat.CYCLONEDX_XML, "1.5");

            assertSameInventory(viaCycloneDx, original);
            assertSameInventory(viaSpdx, original);
            assertSameInventory(viaXml, original);
        }
    }

    @Test
    void convert_twice_isAFixedPoint() {
        Sbom once = Codec.convert(SampleSboms.rich(), SbomFormat.SPDX_JSON, null);
        byte[] first = Codec.write(once, SbomFormat.CYCLONEDX_JSON, null);
        byte[] second = Codec.write(
                Codec.convert(SbomCodecs.read(first, "first.json"), SbomFormat.SPDX_JSON, null),
                SbomFormat.CYCLONEDX_JSON,
                null);

        assertThat(new String(second, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(first, java.nio.charset.StandardCharsets.UTF_8));
    }

    static void assertSameInventory(Sbom actual, Sbom expected) {
        List<Component> expectedComponents =
                List.copyOf(new TreeSet<>(expected.componentsByPurl().values()));
        List<Component> actualComponents =
                List.copyOf(new TreeSet<>(actual.componentsByPurl().values()));
        assertThat(actualComponents).hasSameSizeAs(expectedComponents);
        for (int index = 0; index < expectedComponents.size(); index++) {
            Component want = expectedComponents.get(index);
            Component got = actualComponents.get(index);
            assertThat(got.purl()).isEqualTo(want.purl());
            assertThat(got.kind()).as("kind of %s", want.purl()).isEqualTo(want.kind());
            assertThat(got.group()).as("group of %s", want.purl()).isEqualTo(want.group());
            assertThat(got.name()).as("name of %s", want.purl()).isEqualTo(want.name());
            assertThat(got.version()).as("version of %s", want.purl()).isEqualTo(want.version());
            assertThat(got.scope()).as("scope of %s", want.purl()).isEqualTo(want.scope());
            assertThat(got.hashes()).as("hashes of %s", want.purl()).isEqualTo(want.hashes());
            assertThat(got.licenses()).as("licenses of %s", want.purl()).isEqualTo(want.licenses());
            assertThat(got.evidence()).as("evidence of %s", want.purl()).isEqualTo(want.evidence());
            assertThat(got.properties()).as("properties of %s", want.purl()).isEqualTo(want.properties());
        }
        assertThat(new TreeSet<Relationship>(actual.relationships()))
                .isEqualTo(new TreeSet<Relationship>(expected.relationships()));
        assertThat(new TreeSet<>(actual.unknowns())).isEqualTo(new TreeSet<>(expected.unknowns()));
    }
}
