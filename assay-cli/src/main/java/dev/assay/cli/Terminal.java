package dev.assay.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams a run talks to, passed down explicitly so that tests can run the CLI in-process with
 * captured streams, and whether standard error is an interactive terminal (the only case in which a
 * progress line is drawn).
 *
 * @param in where {@code -} inputs are read from
 * @param out machine output only (SBOMs, reports, help and version text)
 * @param err diagnostics, logs and progress
 * @param interactiveErr whether {@code err} is a terminal a human is watching
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactiveErr) {

    /**
     * The process's own streams. Java cannot tell whether stderr alone is a terminal ({@code System.console()}
     * looks at stdin and stdout), so the launcher tests it ({@code [ -t 2 ]}) and passes
     * {@code -Dassay.stderr.tty=true}. CI logs and {@code TERM=dumb} never get carriage-return redraws.
     */
    static Terminal system() {
        boolean interactive = Boolean.getBoolean("assay.stderr.tty")
                && System.getenv("CI") == null
                && !"dumb".equals(System.getenv("TERM"));
        return new Terminal(System.in, System.out, System.err, interactive);
    }
}
