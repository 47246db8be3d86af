package dev.assay.sbom;

import dev.assay.model.Sbom;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Short calls into the codecs for tests. */
final class Codec {
    private Codec() {}

    static byte[] write(Sbom sbom, SbomFormat format, String version) {
        return write(sbom, format, version, true, Map.of());
    }

    static byte[] write(Sbom sbom, SbomFormat format, String version, boolean deterministic, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SbomCodecs.write(sbom, format, new SbomWriteOptions(version, deterministic), env, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Sbom convert(Sbom sbom, SbomFormat format, String version) {
        return SbomCodecs.read(write(sbom, format, version), "converted." + format.cliName());
    }
}
