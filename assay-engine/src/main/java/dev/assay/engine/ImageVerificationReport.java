package dev.assay.engine;

import dev.assay.sign.Verification;
import dev.assay.sign.intoto.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code verify image} found and decided: each signature and attestation with where it was
 * found and its verdict, and the overall verdict. The image passes when a valid signature covers its
 * digest and, when an attestation type is required, a valid attestation of that type does too.
 *
 * @param reference the reference as given
 * @param imageDigest the digest the reference resolved to; every check is against it
 * @param attestationTypes the predicate types required, or empty when no attestation is required
 */
public record ImageVerificationReport(
        String reference,
        String imageDigest,
        List<Check> signatures,
        List<Check> attestations,
        Optional<String> attestationOption,
        List<String> attestationTypes) {
    public ImageVerificationReport {
        signatures = List.copyOf(signatures);
        attestations = List.copyOf(attestations);
        attestationTypes = List.copyOf(attestationTypes);
    }

    /**
     * One signature or attestation.
     *
     * @param source how it was found: {@code tag} (cosign's .sig/.att tag) or {@code referrer} (OCI 1.1)
     * @param location the manifest (and layer) it came from
     * @param predicateType the attestation's predicate type once it was read, else null
     * @param statement the attestation's statement when it is verified (authentic, about this image, of an
     *     accepted type), else null: what an image policy evaluates (provenance, vulnerabilities)
     */
    public record Check(
            String source, String location, Verification verdict, String predicateType, Statement statement) {
        public Check {
            if (statement != null && !(verdict instanceof Verification.Verified)) {
                throw new IllegalArgumentException("only a verified attestation carries its statement");
            }
        }

        public Check(String source, String location, Verification verdict, String predicateType) {
            this(source, location, verdict, predicateType, null);
        }

        public boolean verified() {
            return verdict instanceof Verification.Verified;
        }
    }

    /** The statements of the verified attestations, tag route first, as found. */
    public List<Statement> verifiedStatements() {
        return attestations.stream()
                .filter(Check::verified)
                .map(Check::statement)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public boolean signatureVerified() {
        return signatures.stream().anyMatch(Check::verified);
    }

    public boolean attestationVerified() {
        return attestationOption.isEmpty() || attestations.stream().anyMatch(Check::verified);
    }

    public boolean verified() {
        return signatureVerified() && attestationVerified();
    }

    /** Why the image did not pass, specifically; empty when it did. */
    public Optional<String> reason() {
        if (!signatureVerified()) {
            return Optional.of(
                    signatures.isEmpty()
                            ? "no signatures found for " + imageDigest
                            : "no valid signature for " + imageDigest + ": " + reasons(signatures));
        }
        if (!attestationVerified()) {
            String type = attestationOption.orElseThrow();
            return Optional.of(
                    attestations.isEmpty()
                            ? "no attestations found for " + imageDigest
                            : "no valid " + type + " attestation for " + imageDigest + ": " + reasons(attestations));
        }
        return Optional.empty();
    }

    private static String reasons(List<Check> checks) {
        Set<String> distinct = new LinkedHashSet<>();
        for (Check check : checks) {
            if (check.verdict() instanceof Verification.Rejected rejected) {
                distinct.add(rejected.reason());
            }
        }
        return String.join("; ", distinct);
    }
}
