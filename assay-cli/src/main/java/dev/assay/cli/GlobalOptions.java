package dev.assay.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, declared once on the top command and inherited. */
public final class GlobalOptions {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the result to FILE instead of standard output.",
            scope = ScopeType.INHERIT)
    Path output;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "Output format; each command lists the formats it writes.",
            scope = ScopeType.INHERIT)
    String format;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors on standard error.",
            scope = ScopeType.INHERIT)
    boolean quiet;

    @Option(
            names = "--debug",
            description = "Log details and show stack traces on standard error.",
            scope = ScopeType.INHERIT)
    boolean debug;
}
