package dev.assay.model;

import java.util.List;
import java.util.Objects;

/**
 * An OSV {@code affected[]} entry: one package in one ecosystem and the versions of it that are vulnerable.
 *
 * @param ecosystem the OSV ecosystem as written, with its release suffix ({@code Maven}, {@code Debian:12},
 *     {@code Alpine:v3.20})
 * @param name the package name as the ecosystem writes it ({@code org.apache.logging.log4j:log4j-core})
 * @param purl the record's own package url, or empty
 * @param versions the explicit list of affected versions, which counts in addition to the ranges
 * @param severity the ecosystem's own rating of this package's exposure, or empty
 */
public record AffectedPackage(
        String ecosystem,
        String name,
        String purl,
        List<AffectedRange> ranges,
        List<String> versions,
        String severity) {
    public AffectedPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        purl = purl == null ? "" : purl;
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        severity = severity == null ? "" : severity;
    }

    /** The ecosystem without its release: {@code Debian} for {@code Debian:12}. */
    public String ecosystemBase() {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

    /** The release after the first colon ({@code 12} for {@code Debian:12}, {@code v3.20} for Alpine); empty when none. */
    public String ecosystemRelease() {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? "" : ecosystem.substring(colon + 1);
    }
}
