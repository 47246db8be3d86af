package dev.assay.sign.slsa;

import dev.assay.model.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a provenance must say, as slsa-verifier's flags say it.
 *
 * @param builderId the trusted builder ({@link BuilderIds}); empty when the policy alone says which builders
 *     are trusted
 * @param sourceUri the repository, e.g. {@code github.com/acme/app} ({@link SourceUris})
 * @param sourceRef the full git ref, e.g. {@code refs/tags/v1.2.0}
 * @param minimumBuildLevel the lowest acceptable SLSA build level; needs a policy
 * @param policy the trusted builders and their levels
 */
public record ProvenanceExpectations(
        Optional<String> builderId,
        Optional<String> sourceUri,
        Optional<String> sourceRef,
        OptionalInt minimumBuildLevel,
        Optional<BuildLevelPolicy> policy) {
    public ProvenanceExpectations {
        Objects.requireNonNull(builderId, "builderId");
        Objects.requireNonNull(sourceUri, "sourceUri");
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(minimumBuildLevel, "minimumBuildLevel");
        Objects.requireNonNull(policy, "policy");
        if (builderId.isEmpty() && policy.isEmpty()) {
            // Without either, any key holder's claim to be any builder would pass.
            throw new InvalidInputException("say which builder is trusted: a builder id or a policy", null);
        }
        if (minimumBuildLevel.isPresent() && policy.isEmpty()) {
            throw new InvalidInputException(
                    "a required build level needs a policy saying which level each trusted builder provides", null);
        }
        if (minimumBuildLevel.isPresent()
                && (minimumBuildLevel.getAsInt() < 0 || minimumBuildLevel.getAsInt() > BuildLevelPolicy.MAX_LEVEL)) {
            throw new InvalidInputException(
                    "SLSA build levels are 0-" + BuildLevelPolicy.MAX_LEVEL + ", not " + minimumBuildLevel.getAsInt(),
                    null);
        }
    }

    /** The ref a tag name stands for. */
    public static String tagRef(String tag) {
        return tag.startsWith("refs/tags/") ? tag : "refs/tags/" + tag;
    }

    /** The ref a branch name stands for. */
    public static String branchRef(String branch) {
        return branch.startsWith("refs/heads/") ? branch : "refs/heads/" + branch;
    }
}
