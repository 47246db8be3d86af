package dev.assay.cli;

import picocli.CommandLine.Model.CommandSpec;

/** What a command that only groups subcommands does when called alone. */
final class CommandGroups {
    private CommandGroups() {}

    /** It asks for nothing: show what the group can do, on stderr, as a usage error. */
    static int usageError(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_INPUT;
    }
}
