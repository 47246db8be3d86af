package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import java.io.Console;
import java.util.Arrays;

/** Private-key passwords: from ASSAY_PASSWORD, else a terminal prompt; never from the command line. */
final class Passwords {
    static final String VARIABLE = "ASSAY_PASSWORD";

    private Passwords() {}

    /** @param confirm ask twice (a new key) rather than once (an existing key) */
    static char[] read(String prompt, boolean confirm) {
        String fromEnvironment = System.getenv(VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new InvalidInputException(
                    "no password: set " + VARIABLE + " or run in a terminal to be prompted", null);
        }
        char[] first = console.readPassword("%s", prompt);
        if (first == null) {
            throw new InvalidInputException("no password given", null);
        }
        if (confirm) {
            char[] second = console.readPassword("Enter it again: ");
            boolean same = Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new InvalidInputException("the passwords do not match", null);
            }
        }
        return first;
    }
}
