package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay attest}: signed in-toto attestations. */
@Command(
        name = "attest",
        mixinStandardHelpOptions = true,
        description = "Sign in-toto attestations with a local key (cosign-compatible formats).",
        subcommands = {AttestImageCommand.class})
final class AttestCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroups.usageError(spec);
    }
}
