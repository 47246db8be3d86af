package dev.assay.sign.attest;

import dev.assay.sign.Verification;
import dev.assay.sign.intoto.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * A verdict and, when it is {@link Verification.Verified}, the statement that was verified: callers print or
 * evaluate only a statement that passed every check.
 */
public record AttestationResult(Verification verification, Optional<Statement> verifiedStatement) {
    public AttestationResult {
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(verifiedStatement, "verifiedStatement");
        if (verification instanceof Verification.Rejected && verifiedStatement.isPresent()) {
            throw new IllegalArgumentException("a rejected attestation has no verified statement");
        }
    }

    static AttestationResult rejected(String reason) {
        return new AttestationResult(new Verification.Rejected(reason), Optional.empty());
    }

    static AttestationResult verified(String detail, Statement statement) {
        return new AttestationResult(new Verification.Verified(detail), Optional.of(statement));
    }

    public boolean isVerified() {
        return verification instanceof Verification.Verified;
    }
}
