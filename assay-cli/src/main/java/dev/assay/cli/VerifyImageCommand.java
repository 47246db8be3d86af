package dev.assay.cli;

import dev.assay.engine.ImageSignatures;
import dev.assay.engine.ImageVerificationReport;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay verify image REF --key PUB [--attestation-type T]}, like {@code cosign verify --key}. */
@Command(
        name = "image",
        mixinStandardHelpOptions = true,
        description = {
            "Verify that a signature by the key covers the image REF names. REF is resolved to its manifest",
            "digest first; signatures are looked up under cosign's sha256-<hex>.sig tag and as OCI 1.1 referrers",
            "(the referrers API, or the sha256-<hex> tag where the registry has none), and each must name that",
            "digest. With --attestation-type, a valid attestation of that type about the digest is required too.",
            "Writes a JSON report to stdout (or --output) and a summary to stderr."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay verify image registry.example/app:1.0 --key cosign.pub",
            "  assay verify image 127.0.0.1:5000/app:1.0 --key cosign.pub --attestation-type slsaprovenance"
                    + " --insecure-registry",
            "",
            "Exit codes: 0 verified, 1 rejected (the reason is printed), 2 bad flags or reference,",
            "3 registry unreachable."
        })
final class VerifyImageCommand implements Callable<Integer> {
    @ParentCommand
    VerifyCommand verify;

    @Parameters(index = "0", paramLabel = "REF", description = "Image reference (tag or digest).")
    String reference;

    @Option(names = "--key", required = true, paramLabel = "PUB", description = "Public key (PEM).")
    Path key;

    @Option(
            names = "--attestation-type",
            paramLabel = "TYPE",
            description = "Also require a valid attestation of this type (cosign --type names or a URI).")
    String attestationType;

    @Mixin
    RegistryFlags registry;

    @Override
    public Integer call() throws IOException {
        PublicKey publicKey = PublicKeys.decode(SignBlobCommand.read(key), key.toString());
        if (attestationType != null) {
            dev.assay.sign.intoto.PredicateTypes.accepted(attestationType);
        }
        ImageVerificationReport report;
        try (ImageSignatures signatures = new ImageSignatures(registry.options())) {
            report = signatures.verify(reference, publicKey, attestationType);
        }
        AssayCommand top = verify.parent;
        OutputTarget.write(
                top.globalOptions.output,
                top.terminal().out(),
                out -> out.write(
                        (ImageCommands.json(report).toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8)));
        if (!top.globalOptions.quiet) {
            ImageCommands.summary(top.terminal().err(), report);
        }
        if (report.verified()) {
            if (!top.globalOptions.quiet) {
                top.terminal().err().println("assay: verified: " + report.imageDigest());
            }
            return ExitCodes.OK;
        }
        top.terminal().err().println("assay: rejected: " + report.reason().orElseThrow());
        return ExitCodes.GATE_TRIPPED;
    }
}
