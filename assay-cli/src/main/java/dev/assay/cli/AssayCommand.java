package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: lists the subcommands and carries the global options. */
@Command(
        name = "assay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Software supply-chain security: what is in it, is it what it claims to be, can I trust how it was built.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = ExitCodes.HELP_SECTION)
final class AssayCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    AssayCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The streams of this run; subcommands reach them through their {@code @ParentCommand}. */
    Terminal terminal() {
        return terminal;
    }

    /** {@code assay} alone asks for nothing: show what it can do, on stderr, as a usage error. */
    @Override
    public Integer call() {
        return CommandGroups.usageError(spec);
    }
}
