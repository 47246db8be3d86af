package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay verify}: check signatures and attestations. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description =
                "Verify signatures and attestations (exit 0 verified, 1 rejected, 2 unusable input, 3 trust root or registry unavailable).",
        subcommands = {
            VerifyBlobCommand.class,
            VerifyImageCommand.class,
            VerifyAttestationCommand.class,
            VerifyProvenanceCommand.class
        })
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroups.usageError(spec);
    }
}
