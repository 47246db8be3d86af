package dev.assay.sigstore;

/**
 * One verification check failed; the message is the reason the user sees. Never leaves this package: the
 * verifiers turn it into a {@link dev.assay.sign.Verification.Rejected} value.
 */
final class CheckFailed extends Exception {
    private static final long serialVersionUID = 1L;

    CheckFailed(String reason) {
        super(reason, null, false, false);
    }
}
