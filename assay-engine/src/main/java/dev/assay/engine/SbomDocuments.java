package dev.assay.engine;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.sbom.SbomCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells an SBOM document given as a scan target from the lockfiles and archives {@code assay sbom} reads,
 * by the markers every CycloneDX and SPDX document carries near its start, so that a {@code package.json}
 * is never mistaken for one and an SBOM is never catalogued as a plain JSON file.
 */
final class SbomDocuments {
    private static final int SNIFF_BYTES = 64 * 1024;

    private SbomDocuments() {}

    static boolean looksLikeSbom(Path path) {
        String name =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(path) || !(name.endsWith(".json") || name.endsWith(".xml"))) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        return text.contains("\"bomFormat\"")
                || text.contains("\"spdxVersion\"")
                || text.contains("http://cyclonedx.org/schema/bom/");
    }

    static Sbom read(Path path, long maxBytes) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] content = BoundedInput.readAll(in, maxBytes, path.toString());
            return SbomCodecs.read(content, path.toString());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), path.toString(), e);
        }
    }
}
