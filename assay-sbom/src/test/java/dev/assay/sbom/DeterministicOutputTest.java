package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Component;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterministicOutputTest {

    @ParameterizedTest
    @EnumSource(SbomFormat.class)
    void write_deterministicTwice_isByteIdentical(SbomFormat format) {
        byte[] first = Codec.write(SampleSboms.rich(), format, null, true, Map.of());
        byte[] second = Codec.write(SampleSboms.rich(), format, null, true, Map.of());

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(SbomFormat.class)
    void write_deterministicWithShuffledInput_isByteIdentical(SbomFormat format) {
        Sbom sbom = SampleSboms.random(11, 80);
        List<Component> shuffled = new ArrayList<>(sbom.components());
        Collections.shuffle(shuffled, new Random(3));
        List<dev.assay.model.Relationship> edges = new ArrayList<>(sbom.relationships());
        Collections.shuffle(edges, new Random(4));
        Sbom reordered = new Sbom(sbom.metadata(), shuffled, edges, sbom.unknowns());

        assertThat(Codec.write(reordered, format, null, true, Map.of()))
                .isEqualTo(Codec.write(sbom, format, null, true, Map.of()));
    }

    @Test
    void write_deterministic_usesTheEpochOrSourceDateEpoch() throws Exception {
        var epoch =
                SchemaValidation.json(Codec.write(SampleSboms.rich(), SbomFormat.CYCLONEDX_JSON, null, true, Map.of()));
        var dated = SchemaValidation.json(Codec.write(
                SampleSboms.rich(), SbomFormat.CYCLONEDX_JSON, null, true, Map.of("SOURCE_DATE_EPOCH", "1700000000")));

        assertThat(epoch.path("metadata").path("timestamp").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(dated.path("metadata").path("timestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(dated.path("serialNumber").asText())
                .as("the serial number ignores the timestamp")
                .isEqualTo(epoch.path("serialNumber").asText())
                .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isNotEqualTo(SampleSboms.rich().metadata().serialNumber());
    }

    @Test
    void write_deterministic_serialNumberFollowsTheContent() throws Exception {
        Sbom sbom = SampleSboms.random(5, 20);
        Sbom changed = new Sbom(
                sbom.metadata(),
                sbom.components().subList(1, sbom.components().size()),
                sbom.relationships(),
                sbom.unknowns());

        String serial = SchemaValidation.json(Codec.write(sbom, SbomFormat.CYCLONEDX_JSON, null))
                .path("serialNumber")
                .asText();
        String changedSerial = SchemaValidation.json(Codec.write(changed, SbomFormat.CYCLONEDX_JSON, null))
                .path("serialNumber")
                .asText();
        String spdxNamespace = SchemaValidation.json(Codec.write(sbom, SbomFormat.SPDX_JSON, null))
                .path("documentNamespace")
                .asText();

        assertThat(changedSerial).isNotEqualTo(serial);
        assertThat(spdxNamespace).endsWith(serial.substring("urn:uuid:".length()));
    }

    @Test
    void write_malformedSourceDateEpoch_isRejected() {
        assertThatThrownBy(() -> Codec.write(
                        SampleSboms.rich(),
                        SbomFormat.CYCLONEDX_JSON,
                        null,
                        true,
                        Map.of("SOURCE_DATE_EPOCH", "yesterday")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH");
    }

    @Test
    void write_notDeterministic_keepsTheInventorysSerialAndTime() throws Exception {
        var bom = SchemaValidation.json(
                Codec.write(SampleSboms.rich(), SbomFormat.CYCLONEDX_JSON, null, false, Map.of()));

        assertThat(bom.path("serialNumber").asText())
                .isEqualTo(SampleSboms.rich().metadata().serialNumber());
        assertThat(bom.path("metadata").path("timestamp").asText()).isEqualTo("2025-05-01T10:15:30Z");
    }
}
