package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScanReportFormatsTest {

    static java.util.List<String> formats() {
        return ScanReportFormats.ids();
    }

    @Test
    void ids_areTheCliFormatValues_tableFirst() {
        assertThat(ScanReportFormats.ids()).containsExactly("table", "json", "sarif", "cyclonedx-vdr");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void writer_eachId_writesThatFormatWithAMediaTypeAndDescription(String id) {
        ScanReportWriter writer = ScanReportFormats.writer(id, SampleScanResults.options());

        assertThat(writer.format()).isEqualTo(id);
        assertThat(writer.mediaType()).isNotBlank();
        assertThat(ScanReportFormats.description(id)).isNotBlank();
    }

    @Test
    void writer_idInAnotherCase_isFound() {
        assertThat(ScanReportFormats.writer(" SARIF ", SampleScanResults.options()))
                .isInstanceOf(SarifReportWriter.class);
    }

    @Test
    void writer_unknownId_throwsInvalidInputListingTheFormats() {
        assertThatThrownBy(() -> ScanReportFormats.writer("html", SampleScanResults.options()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'html'")
                .hasMessageContaining("table, json, sarif, cyclonedx-vdr");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void write_sameResultTwice_isByteIdentical(String id) {
        ScanReportWriter writer = ScanReportFormats.writer(id, SampleScanResults.options());

        byte[] first = Rendered.of(writer, SampleScanResults.realistic()).bytes();
        byte[] second = Rendered.of(writer, SampleScanResults.realistic()).bytes();

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void write_suppressedInAnotherOrder_isByteIdentical(String id) {
        ScanResult result = SampleScanResults.realistic();
        ScanResult hostile = SampleScanResults.hostile();
        var suppressed = new java.util.ArrayList<>(result.suppressed());
        suppressed.addAll(hostile.suppressed());
        ScanResult forward = new ScanResult(result.sbom(), result.findings(), suppressed, result.database());
        ScanResult backward =
                new ScanResult(result.sbom(), result.findings(), suppressed.reversed(), result.database());
        ScanReportWriter writer = ScanReportFormats.writer(id, SampleScanResults.options());

        assertThat(Rendered.of(writer, backward).bytes())
                .isEqualTo(Rendered.of(writer, forward).bytes());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void write_anyResult_leavesTheStreamOpenAndEndsWithANewline(String id) throws IOException {
        ClosingTracker out = new ClosingTracker();

        ScanReportFormats.writer(id, SampleScanResults.options()).write(SampleScanResults.empty(), out);

        assertThat(out.closed).isFalse();
        assertThat(out.flushed).isTrue();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).endsWith("\n");
    }

    private static final class ClosingTracker extends ByteArrayOutputStream {
        boolean closed;
        boolean flushed;

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void flush() {
            flushed = true;
        }
    }
}
