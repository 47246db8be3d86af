package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay policy}: evaluate manifests against built-in policy packs. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Evaluate Kubernetes manifests against built-in policy packs.",
        subcommands = {PolicyPssCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay policy pss --level baseline pod.yaml                  Pod Security Standards, latest version",
            "  assay policy pss --level restricted --version v1.29 deploy.yaml --format json"
        })
final class PolicyCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Spec
    CommandSpec spec;

    Terminal terminal() {
        return parent.terminal();
    }

    GlobalOptions globalOptions() {
        return parent.globalOptions;
    }

    @Override
    public Integer call() {
        return CommandGroups.usageError(spec);
    }
}
