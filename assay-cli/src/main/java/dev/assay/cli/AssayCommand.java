package dev.assay.cli;

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
        subcommands = {SbomCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = ExitCodes.HELP_SECTION)
public final class AssayCommand implements Runnable {
    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
