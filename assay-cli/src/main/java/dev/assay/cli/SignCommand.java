package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay sign}: signatures with a local key. */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = "Sign artifacts with a local key (cosign-compatible formats).",
        subcommands = {SignBlobCommand.class, SignImageCommand.class})
final class SignCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroups.usageError(spec);
    }
}
