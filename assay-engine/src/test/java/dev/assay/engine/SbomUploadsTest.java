package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Component;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SbomUploadsTest {
    private static final long LIMIT = 1024 * 1024;
    private static final String CYCLONEDX_JSON = """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "components":[{"type":"library","name":"lodash","version":"4.17.20","purl":"pkg:npm/lodash@4.17.20"}]}
            """;

    @Test
    void read_cycloneDxJson_reportsFormatAndKeepsDocument() {
        byte[] document = CYCLONEDX_JSON.getBytes(StandardCharsets.UTF_8);

        UploadedSbom upload = SbomUploads.read(document, "upload", LIMIT);

        assertThat(upload.format()).isEqualTo("cyclonedx-json");
        assertThat(upload.document()).isEqualTo(document);
        assertThat(upload.sbom().components()).extracting(Component::bomRef).containsExactly("pkg:npm/lodash@4.17.20");
    }

    @Test
    void read_gzipCompressed_isDecompressedBeforeReading() throws IOException {
        byte[] document = CYCLONEDX_JSON.getBytes(StandardCharsets.UTF_8);

        UploadedSbom upload = SbomUploads.read(gzip(document), "upload", LIMIT);

        assertThat(upload.document()).isEqualTo(document);
        assertThat(upload.sbom().components()).hasSize(1);
    }

    @Test
    void read_cycloneDxXmlAndSpdxJson_reportTheirFormats() throws IOException {
        assertThat(SbomUploads.read(resource("app.cdx.xml"), "xml", LIMIT).format())
                .isEqualTo("cyclonedx-xml");
        UploadedSbom spdx = SbomUploads.read(resource("app.spdx.json"), "spdx", LIMIT);
        assertThat(spdx.format()).isEqualTo("spdx-json");
        assertThat(spdx.sbom().components()).extracting(Component::bomRef).contains("pkg:npm/lodash@4.17.20");
    }

    @Test
    void read_gzipBomb_isRefusedAtTheDecompressedLimit() throws IOException {
        byte[] zeros = new byte[8 * 1024 * 1024];
        Arrays.fill(zeros, (byte) ' ');

        assertThatThrownBy(() -> SbomUploads.read(gzip(zeros), "bomb", LIMIT))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("bomb");
    }

    @Test
    void read_plainDocumentOverLimit_isRefused() {
        byte[] document = CYCLONEDX_JSON.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SbomUploads.read(document, "upload", 16)).isInstanceOf(InputTooLargeException.class);
    }

    @Test
    void read_truncatedGzip_isInvalidInput() throws IOException {
        byte[] compressed = gzip(CYCLONEDX_JSON.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SbomUploads.read(Arrays.copyOf(compressed, compressed.length / 2), "cut", LIMIT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void read_jsonThatIsNoSbom_isInvalidInput() {
        assertThatThrownBy(() ->
                        SbomUploads.read("{\"name\":\"package.json\"}".getBytes(StandardCharsets.UTF_8), "x", LIMIT))
                .isInstanceOf(InvalidInputException.class);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SbomUploadsTest.class.getResourceAsStream("/uploads/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(content);
        }
        return buffer.toByteArray();
    }
}
