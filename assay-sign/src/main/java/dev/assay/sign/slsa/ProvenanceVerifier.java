package dev.assay.sign.slsa;

import dev.assay.sign.SignedText;
import dev.assay.sign.Verification;
import dev.assay.sign.attest.AttestationExpectations;
import dev.assay.sign.attest.AttestationResult;
import dev.assay.sign.attest.AttestationVerifier;
import dev.assay.sign.attest.ExpectedSubject;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.intoto.Statement;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * slsa-verifier's checks for a key-signed provenance from any builder: the attestation checks (payload type,
 * signature, predicate type SLSA provenance v1 or v0.2, every artifact a subject), then the builder id, the
 * source repository and ref in every place the provenance records them, and the build level the policy
 * grants the builder. The first failed check is the rejection, naming what was expected and what was found.
 */
public final class ProvenanceVerifier {
    private static final List<String> PROVENANCE_TYPES =
            List.of(PredicateTypes.SLSA_PROVENANCE_V1, PredicateTypes.SLSA_PROVENANCE_V02);

    private ProvenanceVerifier() {}

    public static AttestationResult verify(
            DsseEnvelope envelope, PublicKey key, List<ExpectedSubject> artifacts, ProvenanceExpectations expected) {
        AttestationResult attestation =
                AttestationVerifier.verify(envelope, key, new AttestationExpectations(PROVENANCE_TYPES, artifacts));
        if (!attestation.isVerified()) {
            return attestation;
        }
        Statement statement = attestation.verifiedStatement().orElseThrow();
        Verification claims = checkClaims(statement, expected);
        if (claims instanceof Verification.Rejected rejected) {
            return rejected(rejected.reason());
        }
        String signature = ((Verification.Verified) attestation.verification()).detail();
        return new AttestationResult(
                new Verification.Verified(signature + "; " + ((Verification.Verified) claims).detail()),
                Optional.of(statement));
    }

    /**
     * The checks after the attestation's own: builder id, build level, source repository and ref. For a
     * statement whose signature, predicate type and subject the caller has already verified (an image's
     * attestation, found and verified by its digest).
     */
    public static Verification checkClaims(Statement statement, ProvenanceExpectations expected) {
        if (!PROVENANCE_TYPES.contains(statement.predicateType())) {
            return new Verification.Rejected("the predicate type is '" + SignedText.printable(statement.predicateType())
                    + "', not SLSA provenance");
        }
        ProvenanceFacts facts = ProvenanceFacts.of(statement);
        List<String> passed = new ArrayList<>();
        Optional<String> failure = builder(facts, expected, passed)
                .or(() -> source(facts, expected, passed))
                .or(() -> ref(facts, expected, passed));
        if (failure.isPresent()) {
            return new Verification.Rejected(failure.get());
        }
        return new Verification.Verified(String.join("; ", passed));
    }

    private static Optional<String> builder(
            ProvenanceFacts facts, ProvenanceExpectations expected, List<String> passed) {
        String builder = facts.builderId();
        if (builder == null) {
            return Optional.of("the provenance names no builder id");
        }
        if (expected.builderId().isPresent()
                && !BuilderIds.matches(expected.builderId().get(), builder)) {
            return Optional.of("the provenance was built by '" + SignedText.printable(builder)
                    + "', not by the expected builder " + expected.builderId().get());
        }
        if (expected.policy().isPresent()) {
            OptionalInt level = expected.policy().get().levelOf(builder);
            if (level.isEmpty()) {
                return Optional.of(
                        "builder '" + SignedText.printable(builder) + "' is not a trusted builder of the policy");
            }
            if (expected.minimumBuildLevel().isPresent()
                    && level.getAsInt() < expected.minimumBuildLevel().getAsInt()) {
                return Optional.of("builder '" + SignedText.printable(builder) + "' provides SLSA Build L"
                        + level.getAsInt() + " by the policy; L"
                        + expected.minimumBuildLevel().getAsInt() + " is required");
            }
            passed.add("builder " + SignedText.printable(builder) + " (SLSA Build L" + level.getAsInt()
                    + " by the policy)");
        } else {
            passed.add("builder " + SignedText.printable(builder));
        }
        return Optional.empty();
    }

    private static Optional<String> source(
            ProvenanceFacts facts, ProvenanceExpectations expected, List<String> passed) {
        if (expected.sourceUri().isEmpty()) {
            return Optional.empty();
        }
        String wanted = expected.sourceUri().get();
        if (facts.sources().isEmpty()) {
            return Optional.of("the provenance records no source repository (expected " + wanted + ")");
        }
        // Every place must agree: a provenance naming the expected repository in one field and another in
        // the next is ambiguous about what was built.
        for (SourceClaim claim : facts.sources()) {
            if (!SourceUris.same(wanted, claim.uri())) {
                return Optional.of("the provenance's source is '" + SignedText.printable(claim.uri()) + "' (in "
                        + claim.where() + "), not the expected " + SourceUris.normalize(wanted));
            }
        }
        String commit = facts.sources().stream()
                .map(SourceClaim::commit)
                .filter(c -> !c.isEmpty())
                .findFirst()
                .map(c -> " at commit " + SignedText.printable(c))
                .orElse("");
        passed.add("source " + SourceUris.normalize(wanted) + commit);
        return Optional.empty();
    }

    private static Optional<String> ref(ProvenanceFacts facts, ProvenanceExpectations expected, List<String> passed) {
        if (expected.sourceRef().isEmpty()) {
            return Optional.empty();
        }
        String wanted = expected.sourceRef().get();
        List<SourceClaim> withRef =
                facts.sources().stream().filter(c -> c.ref() != null).toList();
        if (withRef.isEmpty()) {
            return Optional.of("the provenance records no source ref (expected " + wanted + ")");
        }
        for (SourceClaim claim : withRef) {
            if (!claim.ref().equals(wanted)) {
                return Optional.of("the provenance's source ref is '" + SignedText.printable(claim.ref()) + "' (in "
                        + claim.where() + "), not the expected " + wanted);
            }
        }
        passed.add("ref " + wanted);
        return Optional.empty();
    }

    private static AttestationResult rejected(String reason) {
        return new AttestationResult(new Verification.Rejected(reason), Optional.empty());
    }
}
