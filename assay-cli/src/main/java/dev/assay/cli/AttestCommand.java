package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay attest}: signed in-toto attestations about files. */
@Command(
        name = "attest",
        mixinStandardHelpOptions = true,
        description = "Sign in-toto attestations about files with a local key: SLSA build provenance, an SBOM, "
                + "a vulnerability scan or an OpenVEX document. Writes the DSSE envelope (as cosign "
                + "attest-blob does) and, with --bundle, a Sigstore bundle.",
        subcommands = {
            AttestProvenanceCommand.class,
            AttestSbomCommand.class,
            AttestVulnCommand.class,
            AttestVexCommand.class
        })
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
