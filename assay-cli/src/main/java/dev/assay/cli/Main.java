package dev.assay.cli;

import dev.assay.model.AssayException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The entry point. Maps every outcome to one of the promised exit codes: picocli's parameter errors to
 * 2, Assay's typed errors to their kind, and anything unexpected to 70 with a one-line message (the stack
 * only with --debug).
 */
public final class Main {
    /** Every top-level command, in the order {@code --help} lists them. */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private Main() {}

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> commands = new java.util.LinkedHashMap<>();
        commands.put("sbom", SbomCommand.class);
        commands.put("scan", ScanCommand.class);
        commands.put("db", DbCommand.class);
        commands.put("keygen", KeygenCommand.class);
        commands.put("sign", SignCommand.class);
        commands.put("attest", AttestCommand.class);
        commands.put("verify", VerifyCommand.class);
        commands.put("policy", PolicyCommand.class);
        commands.put("server", ServerCommand.class);
        return java.util.Collections.unmodifiableMap(commands);
    }

    public static void main(String[] args) {
        StartupSettings.apply();
        int exitCode = run(args, Terminal.system());
        if (exitCode != ExitCodes.OK || ProcessExit.otherThreadsKeepAlive()) {
            System.exit(exitCode);
        }
        // Success with nothing else running: returning ends the JVM with status 0 and runs the shutdown
        // hooks just as System.exit would, without Runtime.exit's lookup of a System.Logger provider, which
        // opens every jar on the class path (ProcessExit).
    }

    /** Runs one command line against the given streams (stderr is treated as non-interactive). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new Terminal(System.in, out, err, false));
    }

    static int run(String[] args, Terminal terminal) {
        return commandLine(terminal, args).execute(args);
    }

    /**
     * The fully configured command tree. Nothing here touches logging: {@code --help} and {@code --version}
     * must not pay for initializing logback, which happens only when a command actually runs.
     */
    static CommandLine commandLine(Terminal terminal) {
        return commandLine(terminal, new String[0]);
    }

    /**
     * As {@link #commandLine(Terminal)}, with only the subcommand {@code args} names registered when it names
     * one: picocli reads every registered command's annotations by reflection before parsing, which cost
     * about 150 ms of a 300 ms run once {@code db} and its six subcommands existed. Help, version and
     * mistyped commands get the full tree, so every listing and suggestion stays complete. A bare {@code
     * --version}, which pipelines run to log the tool's version, needs no subcommand at all.
     */
    static CommandLine commandLine(Terminal terminal, String[] args) {
        AssayCommand command = new AssayCommand(terminal);
        CommandLine commandLine = new CommandLine(command);
        Class<?> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (only != null) {
            commandLine.addSubcommand(only);
        } else if (!versionOnly) {
            SUBCOMMANDS.values().forEach(commandLine::addSubcommand);
        }
        commandLine.setOut(writer(terminal.out()));
        commandLine.setErr(writer(terminal.err()));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Plain help text: the same bytes on a terminal and in a pipe, and no System.console() probe, which
        // on JDK 22+ loads a console provider module and costs startup time for nothing.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setExecutionStrategy(parseResult -> {
            Integer helpExitCode = CommandLine.executeHelpRequest(parseResult);
            if (helpExitCode != null) {
                return helpExitCode;
            }
            Logging.configure(command.globalOptions, terminal.err());
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("assay: " + exception.getMessage());
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCodes.INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) ->
                report(exception, command.globalOptions.debug, terminal.err()));
        return commandLine;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    private static int report(Exception exception, boolean debug, PrintStream err) {
        int exitCode;
        if (exception instanceof AssayException assayException) {
            StringBuilder line = new StringBuilder("assay: ").append(assayException.getMessage());
            if (!assayException.hint().isEmpty()) {
                line.append(" (").append(assayException.hint()).append(')');
            }
            err.println(line);
            exitCode = ExitCodes.of(assayException);
        } else if (exception instanceof IOException) {
            err.println("assay: I/O error: " + exception.getMessage());
            exitCode = ExitCodes.INVALID_INPUT;
        } else {
            err.println("assay: internal error: " + exception + " (this is a bug; rerun with --debug and report it)");
            exitCode = ExitCodes.INTERNAL_ERROR;
        }
        if (debug) {
            // The CLI is the one place allowed to print a stack: the user asked for it with --debug.
            exception.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }
}
