package dev.assay.sign.attest;

import java.util.List;

/**
 * What a verified attestation must also say.
 *
 * @param predicateTypes the accepted predicate type URIs; empty accepts any (used where the caller only
 *     links a file to a signed statement, as {@code verify blob} does)
 * @param subjects artifacts that must each be a subject of the statement; at least one
 */
public record AttestationExpectations(List<String> predicateTypes, List<ExpectedSubject> subjects) {
    public AttestationExpectations {
        predicateTypes = List.copyOf(predicateTypes);
        subjects = List.copyOf(subjects);
        if (subjects.isEmpty()) {
            // An attestation checked without a subject proves nothing about any artifact.
            throw new IllegalArgumentException("an attestation is verified against at least one subject");
        }
    }
}
