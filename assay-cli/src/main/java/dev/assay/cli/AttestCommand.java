package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay attest}: signed in-toto attestations about files and images. */
@Command(
        name = "attest",
        mixinStandardHelpOptions = true,
        description = "Sign in-toto attestations with a local key: SLSA build provenance, an SBOM, "
                + "a vulnerability scan or an OpenVEX document about files (the DSSE envelope, as cosign "
                + "attest-blob writes it, and with --bundle a Sigstore bundle), or any predicate about an "
                + "image in a registry.",
        subcommands = {
            AttestProvenanceCommand.class,
            AttestSbomCommand.class,
            AttestVulnCommand.class,
            AttestVexCommand.class,
            AttestImageCommand.class
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
