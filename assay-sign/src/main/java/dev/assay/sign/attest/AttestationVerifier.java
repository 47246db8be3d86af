package dev.assay.sign.attest;

import dev.assay.sign.SignedText;
import dev.assay.sign.Verification;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseVerifier;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.intoto.Subject;
import java.security.PublicKey;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Verifies a key-signed in-toto attestation. The checks run in an order that never trusts unsigned bytes:
 * the payload type (a plain comparison, no parsing), then the signature, and only then is the payload
 * parsed and its predicate type and subjects compared. Each failed check is a rejection naming it.
 */
public final class AttestationVerifier {
    private static final int SUBJECTS_LISTED = 5;

    private AttestationVerifier() {}

    /**
     * @throws dev.assay.model.InvalidInputException when the signed payload is not an in-toto statement, or
     *     the key cannot verify signatures at all
     */
    public static AttestationResult verify(DsseEnvelope envelope, PublicKey key, AttestationExpectations expected) {
        if (!envelope.payloadType().equals(Statement.PAYLOAD_TYPE)) {
            return AttestationResult.rejected(
                    "the envelope's payloadType is '" + SignedText.printable(envelope.payloadType())
                            + "', not an in-toto statement (" + Statement.PAYLOAD_TYPE + ")");
        }
        Verification signature = DsseVerifier.verify(envelope, key);
        if (signature instanceof Verification.Rejected rejected) {
            return AttestationResult.rejected(rejected.reason());
        }
        Statement statement = Statement.parse(envelope.payload(), "the signed statement");
        if (!expected.predicateTypes().isEmpty() && !expected.predicateTypes().contains(statement.predicateType())) {
            return AttestationResult.rejected(
                    "the predicate type is '" + SignedText.printable(statement.predicateType()) + "', expected "
                            + String.join(" or ", expected.predicateTypes()));
        }
        for (ExpectedSubject subject : expected.subjects()) {
            if (statement.subjectWithSha256(subject.sha256()).isEmpty()) {
                return AttestationResult.rejected(subject.name() + " (sha256:" + subject.sha256()
                        + ") is not a subject of the statement; it names " + listed(statement));
            }
        }
        String names = expected.subjects().stream().map(ExpectedSubject::name).collect(Collectors.joining(", "));
        return AttestationResult.verified(
                ((Verification.Verified) signature).detail() + "; predicate " + statement.predicateType() + "; subject "
                        + names,
                statement);
    }

    private static String listed(Statement statement) {
        String shown = statement.subjects().stream()
                .limit(SUBJECTS_LISTED)
                .map(AttestationVerifier::describe)
                .collect(Collectors.joining(", "));
        int more = statement.subjects().size() - SUBJECTS_LISTED;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }

    private static String describe(Subject subject) {
        String digest = subject.digest().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .findFirst()
                .map(e -> e.getKey() + ":" + e.getValue())
                .orElse("no digest");
        String sha256 = subject.digest().get("sha256");
        return SignedText.printable(subject.name()) + " ("
                + SignedText.printable(sha256 != null ? "sha256:" + sha256 : digest) + ")";
    }
}
