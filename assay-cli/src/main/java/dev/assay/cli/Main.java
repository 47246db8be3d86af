package dev.assay.cli;

import dev.assay.model.AssayException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The entry point. Maps every outcome to one of the promised exit codes: picocli's parameter errors to
 * 2, Assay's typed errors to their kind, and anything unexpected to 70 with a one-line message (the stack
 * only with --debug).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        AssayCommand command = new AssayCommand();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parseResult -> {
            Logging.configure(command.globalOptions);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter writer = exception.getCommandLine().getErr();
            writer.println("assay: " + exception.getMessage());
            writer.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCodes.INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler(
                (exception, failedCommand, parseResult) -> report(exception, command.globalOptions, err, parseResult));
        return commandLine.execute(args);
    }

    private static int report(Exception exception, GlobalOptions options, PrintStream err, ParseResult parseResult) {
        boolean debug = options != null && options.debug;
        if (exception instanceof AssayException assayException) {
            StringBuilder line = new StringBuilder("assay: ").append(assayException.getMessage());
            if (!assayException.hint().isEmpty()) {
                line.append(" (").append(assayException.hint()).append(')');
            }
            err.println(line);
            if (debug) {
                exception.printStackTrace(err);
            }
            return ExitCodes.of(assayException);
        }
        if (exception instanceof java.io.IOException ioException) {
            err.println("assay: I/O error: " + ioException.getMessage());
            if (debug) {
                exception.printStackTrace(err);
            }
            return ExitCodes.INVALID_INPUT;
        }
        err.println("assay: internal error: " + exception + " (this is a bug; rerun with --debug and report it)");
        if (debug) {
            exception.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
