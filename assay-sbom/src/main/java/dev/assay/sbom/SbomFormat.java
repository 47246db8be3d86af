package dev.assay.sbom;

import dev.assay.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The SBOM formats Assay writes, by the names used on the command line. */
public enum SbomFormat {
    CYCLONEDX_JSON("cyclonedx-json"),
    CYCLONEDX_XML("cyclonedx-xml"),
    SPDX_JSON("spdx-json");

    private final String cliName;

    SbomFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static SbomFormat fromName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.cliName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown SBOM format '" + name + "'; expected one of " + names(), name));
    }

    public static String names() {
        return Arrays.stream(values()).map(SbomFormat::cliName).collect(Collectors.joining(", "));
    }
}
