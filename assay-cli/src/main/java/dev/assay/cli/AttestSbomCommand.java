package dev.assay.cli;

import dev.assay.sign.attest.Predicate;
import dev.assay.sign.attest.SbomPredicates;
import dev.assay.sign.intoto.Subject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code assay attest sbom --predicate SBOM --subject FILE... --key KEY}. */
@Command(
        name = "sbom",
        mixinStandardHelpOptions = true,
        description = "Attest an SBOM: CycloneDX JSON (predicate type https://cyclonedx.org/bom) or SPDX 2.x "
                + "JSON (https://spdx.dev/Document), recognised from the document; any other file is "
                + "refused.",
        footerHeading = "%nExamples:%n",
        footer = {"  assay attest sbom --predicate bom.cdx.json --subject app.tar --key cosign.key"})
final class AttestSbomCommand implements Callable<Integer> {
    @ParentCommand
    AttestCommand attest;

    @Option(names = "--predicate", required = true, paramLabel = "FILE", description = "The SBOM (JSON).")
    Path predicateFile;

    @Mixin
    AttestationSigning signing;

    @Override
    public Integer call() throws IOException {
        byte[] document = InputFiles.read(predicateFile, AttestationSigning.MAX_PREDICATE_BYTES, "an SBOM predicate");
        Predicate predicate = SbomPredicates.of(document, predicateFile.toString());
        List<Subject> subjects = signing.readSubjects();
        return signing.signAndWrite(subjects, predicate, attest.parent);
    }
}
