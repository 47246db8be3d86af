package dev.assay.cli;

/**
 * Whether standard error is an interactive terminal. Java cannot tell for stderr alone, so the launcher
 * script tests it ({@code [ -t 2 ]}) and passes {@code -Dassay.stderr.tty=true}.
 */
final class Terminal {
    private Terminal() {}

    static boolean stderrIsTerminal() {
        return Boolean.getBoolean("assay.stderr.tty") && System.getenv("CI") == null;
    }
}
