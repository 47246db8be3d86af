package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.Objects;

/**
 * What one pod-security-admission check found wrong, in PSA's own two parts: the short {@code reason} that
 * PSA always prints ({@code allowPrivilegeEscalation != false}) and the {@code detail} naming the offending
 * containers, volumes or values, which PSA prints in parentheses after it when it reviews a single object.
 *
 * @param check the PSA check id ({@code allowPrivilegeEscalation}, {@code capabilities_restricted})
 * @param reason PSA's ForbiddenReason
 * @param detail PSA's ForbiddenDetail; empty when the check gives none
 */
public record PodSecurityViolation(String check, String reason, String detail) {
    public PodSecurityViolation {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code reason (detail)}, exactly as one entry of PSA's admission message. */
    public String message() {
        return detail.isEmpty() ? reason : reason + " (" + detail + ")";
    }

    public Violation toViolation() {
        return new Violation(check, message());
    }
}
