package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay policy}: built-in policy packs and CEL policies, evaluated, tested and linted offline. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Evaluate manifests and other documents against built-in policy packs and CEL policies.",
        subcommands = {PolicyPssCommand.class, PolicyEvalCommand.class, PolicyTestCommand.class, PolicyLintCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay policy pss --level baseline pod.yaml                  Pod Security Standards, latest version",
            "  assay policy pss --level restricted --version v1.29 deploy.yaml --format json",
            "  assay policy eval --policy policies/ --resource deploy/      CEL policies (kind: Policy)",
            "  assay policy test samples/policies                           run assay-test.yaml suites",
            "  assay policy lint policies/                                  compile errors with line and column"
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
