package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Sbom;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream writer must say exactly what cyclonedx-core-java's generator says for the same prepared SBOM,
 * so the two cannot drift apart (XML still goes through the library).
 */
class CycloneDxJsonStreamWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "1.5", "1.6"})
    void write_richSbom_equalsLibraryGeneratorTree(String version) throws Exception {
        PreparedSbom prepared = PreparedSbom.of(SampleSboms.rich(), true, Map.of());

        assertThat(streamed(prepared, version)).isEqualTo(library(prepared, version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "1.5", "1.6"})
    void write_randomAndEmptySboms_equalLibraryGeneratorTree(String version) throws Exception {
        List<Sbom> sboms = List.of(
                SampleSboms.random(1, 60),
                SampleSboms.random(2, 60),
                SampleSboms.random(7, 0),
                new Sbom(null, List.of(), List.of(), List.of()));
        for (Sbom sbom : sboms) {
            PreparedSbom prepared = PreparedSbom.of(sbom, false, Map.of());

            assertThat(streamed(prepared, version)).isEqualTo(library(prepared, version));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "1.5", "1.6"})
    void write_richSbom_hasTheLibraryLayout(String version) throws Exception {
        PreparedSbom prepared = PreparedSbom.of(SampleSboms.rich(), true, Map.of());

        // Same bytes, so switching writers changed no published digest of a deterministic SBOM.
        assertThat(streamedText(prepared, version))
                .isEqualTo(CycloneDxWriter.write(prepared, CycloneDxWriter.version(version), false));
    }

    private static JsonNode streamed(PreparedSbom prepared, String version) throws IOException {
        return SchemaValidation.json(streamedText(prepared, version).getBytes(StandardCharsets.UTF_8));
    }

    private static String streamedText(PreparedSbom prepared, String version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CycloneDxJsonStreamWriter.write(prepared, CycloneDxJsonStreamWriter.SpecVersion.of(version), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode library(PreparedSbom prepared, String version) throws IOException {
        String text = CycloneDxWriter.write(prepared, CycloneDxWriter.version(version), false);
        return SchemaValidation.json(text.getBytes(StandardCharsets.UTF_8));
    }
}
