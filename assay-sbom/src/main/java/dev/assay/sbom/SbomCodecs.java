package dev.assay.sbom;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads and writes SBOMs in every supported format: CycloneDX 1.4-1.6 JSON and XML, SPDX 2.3 JSON (and
 * SPDX 2.2 JSON for reading). Reading detects the format from the content, never from the file name.
 */
public final class SbomCodecs {
    private SbomCodecs() {}

    /**
     * Writes {@code sbom} to {@code out} (which stays open). Deterministic mode reads {@code
     * SOURCE_DATE_EPOCH} from the environment.
     *
     * @throws InvalidInputException when the spec version does not exist for the format
     */
    public static void write(Sbom sbom, SbomFormat format, SbomWriteOptions options, OutputStream out)
            throws IOException {
        write(sbom, format, options, System.getenv(), out);
    }

    static void write(
            Sbom sbom, SbomFormat format, SbomWriteOptions options, Map<String, String> environment, OutputStream out)
            throws IOException {
        SbomWriteOptions effective = options == null ? SbomWriteOptions.DEFAULT : options;
        switch (format) {
            case CYCLONEDX_JSON -> {
                // Streamed without cyclonedx-core-java: see CycloneDxJsonStreamWriter for why.
                var version = CycloneDxJsonStreamWriter.SpecVersion.of(effective.specVersion());
                PreparedSbom prepared = PreparedSbom.of(sbom, effective.deterministic(), environment);
                CycloneDxJsonStreamWriter.write(prepared, version, out);
                out.write('\n');
            }
            case CYCLONEDX_XML -> {
                var version = CycloneDxWriter.version(effective.specVersion());
                PreparedSbom prepared = PreparedSbom.of(sbom, effective.deterministic(), environment);
                writeText(CycloneDxWriter.write(prepared, version, true), out);
            }
            case SPDX_JSON -> {
                SpdxJsonWriter.requireVersion(effective.specVersion());
                PreparedSbom prepared = PreparedSbom.of(sbom, effective.deterministic(), environment);
                writeText(SpdxJsonWriter.write(prepared), out);
            }
        }
        out.flush();
    }

    private static void writeText(String text, OutputStream out) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        if (!text.endsWith("\n")) {
            out.write('\n');
        }
    }

    /**
     * Reads CycloneDX 1.4-1.6 JSON or XML, or SPDX 2.2/2.3 JSON, detected from the content. The caller
     * bounds the size; nesting depth, DTDs and entities are refused here.
     *
     * @param name how the input is named in errors (a path, or "standard input")
     * @throws dev.assay.model.UnableToParseException when the content is malformed
     * @throws InvalidInputException when it is well-formed but not a supported SBOM format
     */
    public static Sbom read(byte[] content, String name) {
        return readDocument(content, name).sbom();
    }

    /**
     * Reads like {@link #read} and also says which format the content was in, for callers that store the
     * original document beside what was read from it (the portfolio server).
     */
    public static SbomDocument readDocument(byte[] content, String name) {
        return switch (SbomFormatDetector.detect(content, name)) {
            case SbomFormatDetector.Detected.CycloneDxJson json ->
                new SbomDocument(SbomFormat.CYCLONEDX_JSON, CycloneDxJsonReader.read(json.root(), name));
            case SbomFormatDetector.Detected.CycloneDxXml xml ->
                new SbomDocument(SbomFormat.CYCLONEDX_XML, CycloneDxXmlReader.read(xml.document(), name));
            case SbomFormatDetector.Detected.SpdxJson spdx ->
                new SbomDocument(SbomFormat.SPDX_JSON, SpdxJsonReader.read(spdx.root(), name));
        };
    }
}
