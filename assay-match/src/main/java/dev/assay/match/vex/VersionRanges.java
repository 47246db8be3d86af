package dev.assay.match.vex;

import dev.assay.model.Purl;
import dev.assay.version.VersRange;
import java.util.Optional;

/**
 * Whether a {@code vers:} range contains a product's version; empty when undecidable, and a VEX statement is
 * never applied on an undecided range. {@code vers:generic} uses the ordering of the product's purl type.
 */
@FunctionalInterface
interface VersionRanges {
    Optional<Boolean> contains(String vers, String version, Purl purl);

    VersionRanges DEFAULT = (vers, version, purl) -> VersRange.contains(vers, version, purl.type());
}
