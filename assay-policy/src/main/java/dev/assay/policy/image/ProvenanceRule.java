package dev.assay.policy.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SLSA provenance an image must carry, as slsa-verifier's flags say it: an attestation signed by one
 * of {@code signedBy}, about the image's digest, from the trusted builder, built from the expected source.
 *
 * @param builderId the trusted builder (an id without {@code @version} covers every version)
 * @param builders trusted builders and the SLSA build level each provides; needed for {@code minBuildLevel}
 * @param sourceRepository the source repository URI, e.g. {@code github.com/acme/app}
 * @param sourceRef the full git ref, e.g. {@code refs/heads/main}
 * @param minBuildLevel the lowest acceptable build level, as {@code builders} grants it
 * @param signedBy who may sign the provenance (any of them)
 */
public record ProvenanceRule(
        Optional<String> builderId,
        Map<String, Integer> builders,
        Optional<String> sourceRepository,
        Optional<String> sourceRef,
        OptionalInt minBuildLevel,
        List<Authority> signedBy) {
    public ProvenanceRule {
        builders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builders));
        signedBy = List.copyOf(signedBy);
        if (builderId.isEmpty() && builders.isEmpty()) {
            throw new IllegalArgumentException("a provenance rule names a builder id or trusted builders");
        }
        if (signedBy.isEmpty()) {
            throw new IllegalArgumentException("a provenance rule names who signs the provenance");
        }
    }
}
