package dev.assay.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import picocli.CommandLine;

/** One in-process run of the CLI with captured streams: what a user would see, and the exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return of(commandLine -> {}, args);
    }

    /** Runs with {@code stdin} as standard input. */
    static CliRun withStdin(byte[] stdin, String... args) {
        return run(stdin, commandLine -> {}, args);
    }

    /** Runs with extra configuration of the command tree, e.g. a test-only subcommand. */
    static CliRun of(Consumer<CommandLine> customization, String... args) {
        return run(new byte[0], customization, args);
    }

    private static CliRun run(byte[] stdin, Consumer<CommandLine> customization, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Terminal terminal = new Terminal(new ByteArrayInputStream(stdin), outStream, errStream, false);
            CommandLine commandLine = Main.commandLine(terminal, args);
            customization.accept(commandLine);
            int exitCode = commandLine.execute(args);
            return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
