package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Sbom;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomFormat;
import dev.assay.sbom.SbomWriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Uploads an SBOM to an Assay server ({@code POST /api/v1/sboms}) as CycloneDX JSON, through {@link ServerUpload}. */
final class SbomUploader {
    private SbomUploader() {}

    /** What the server answered. */
    record Uploaded(String outcome, int components, long findings) {}

    /**
     * Uploads and confirms on {@code err} (unless quiet): a successful upload is what the user asked for,
     * so it is reported even at the default log level, which shows only warnings.
     */
    static void uploadAndReport(ServerUpload.Target target, Sbom sbom, GlobalOptions options, Terminal terminal) {
        Uploaded uploaded = upload(target, sbom);
        if (!options.quiet) {
            terminal.err()
                    .println("assay: uploaded to " + target.url() + " as " + target.project() + "@" + target.version()
                            + ": " + uploaded.outcome() + ", " + uploaded.components() + " components, "
                            + uploaded.findings() + " findings");
        }
    }

    static Uploaded upload(ServerUpload.Target target, Sbom sbom) {
        JsonNode json =
                ServerUpload.post(target, path(target), "application/vnd.cyclonedx+json", cycloneDx(sbom), "the SBOM");
        return new Uploaded(
                json.path("outcome").asText("?"),
                json.path("components").asInt(),
                json.path("findings").asLong());
    }

    static String path(ServerUpload.Target target) {
        StringBuilder path = new StringBuilder("/api/v1/sboms?project=")
                .append(ServerUpload.query(target.project()))
                .append("&version=")
                .append(ServerUpload.query(target.version()));
        for (String tag : target.tags()) {
            path.append("&tag=").append(ServerUpload.query(tag));
        }
        return path.toString();
    }

    private static byte[] cycloneDx(Sbom sbom) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            SbomCodecs.write(sbom, SbomFormat.CYCLONEDX_JSON, new SbomWriteOptions(null, false), buffer);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }
}
