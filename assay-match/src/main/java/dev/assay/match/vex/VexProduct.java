package dev.assay.match.vex;

import dev.assay.model.Purl;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product a VEX statement is about, with the parts of it the statement narrows down to.
 *
 * @param reference the reference as the document wrote it (a purl, a CycloneDX bom-ref or BOM-Link)
 * @param purl the package url the reference resolved to, or null when it names nothing Assay can identify
 * @param versions exact versions the statement is limited to (CycloneDX {@code affects[].versions[].version})
 * @param ranges vers ranges the statement is limited to ({@code vers:semver/>=2.2.0|<=2.4.0})
 * @param subcomponents the components of the product the statement is about (OpenVEX); empty when the
 *     statement is about the product as a whole
 */
public record VexProduct(
        String reference, Purl purl, List<String> versions, List<String> ranges, List<VexProduct> subcomponents) {
    public VexProduct {
        Objects.requireNonNull(reference, "reference");
        versions = List.copyOf(versions);
        ranges = List.copyOf(ranges);
        subcomponents = List.copyOf(subcomponents);
    }

    public static VexProduct of(Purl purl) {
        return new VexProduct(purl.toString(), purl, List.of(), List.of(), List.of());
    }

    public Optional<Purl> identity() {
        return Optional.ofNullable(purl);
    }

    /** Whether the statement is limited to some versions of the product beyond its purl's own version. */
    public boolean hasVersionConstraints() {
        return !versions.isEmpty() || !ranges.isEmpty();
    }
}
