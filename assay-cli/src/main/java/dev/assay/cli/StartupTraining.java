package dev.assay.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload the launcher records the JDK's startup cache from: several command lines, separated by
 * {@value #SEPARATOR}, run one after the other in one JVM, with their machine output discarded. One JVM
 * because the cache is written from a single run; several commands because the cache holds only what the
 * training touched, and each command (the {@code sbom} tree with its subcommands, {@code scan} with the
 * advisory store and matchers) has classes the others never load.
 */
public final class StartupTraining {
    static final String SEPARATOR = "--then";

    private StartupTraining() {}

    public static void main(String[] args) {
        StartupSettings.apply();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int failures = 0;
        for (List<String> commandLine : commandLines(args)) {
            Terminal terminal = new Terminal(InputStream.nullInputStream(), discard, System.err, false);
            int exitCode = Main.run(commandLine.toArray(String[]::new), terminal);
            if (exitCode != ExitCodes.OK) {
                System.err.println("assay: training command exited with " + exitCode + ": " + commandLine);
                failures++;
            }
        }
        if (failures > 0) {
            System.exit(ExitCodes.INTERNAL_ERROR);
        }
    }

    static List<List<String>> commandLines(String[] args) {
        List<List<String>> commandLines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(SEPARATOR)) {
                if (!current.isEmpty()) {
                    commandLines.add(List.copyOf(current));
                }
                current.clear();
            } else {
                current.add(arg);
            }
        }
        if (!current.isEmpty()) {
            commandLines.add(List.copyOf(current));
        }
        return commandLines;
    }
}
