package dev.assay.cli;

import dev.assay.sign.Verification;

/** How verify commands report a verdict: one line on stderr and the promised exit code. */
final class Verdicts {
    private Verdicts() {}

    static int report(Verification verdict, Terminal terminal, boolean quiet) {
        return switch (verdict) {
            case Verification.Verified verified -> {
                if (!quiet) {
                    terminal.err().println("assay: verified: " + verified.detail());
                }
                yield ExitCodes.OK;
            }
            case Verification.Rejected rejected -> {
                terminal.err().println("assay: rejected: " + rejected.reason());
                yield ExitCodes.GATE_TRIPPED;
            }
        };
    }
}
