package dev.assay.cli;

import dev.assay.sign.attest.Predicate;
import dev.assay.sign.attest.VexPredicates;
import dev.assay.sign.intoto.Subject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code assay attest vex --predicate OPENVEX --subject FILE... --key KEY}. */
@Command(
        name = "vex",
        mixinStandardHelpOptions = true,
        description = "Attest an OpenVEX document; its @context (https://openvex.dev/ns/v0.2.0) is checked and "
                + "becomes the predicate type, and every statement must name a vulnerability and a known "
                + "status.",
        footerHeading = "%nExamples:%n",
        footer = {"  assay attest vex --predicate app.openvex.json --subject app.tar --key cosign.key"})
final class AttestVexCommand implements Callable<Integer> {
    @ParentCommand
    AttestCommand attest;

    @Option(names = "--predicate", required = true, paramLabel = "FILE", description = "The OpenVEX document (JSON).")
    Path predicateFile;

    @Mixin
    AttestationSigning signing;

    @Override
    public Integer call() throws IOException {
        byte[] document =
                InputFiles.read(predicateFile, AttestationSigning.MAX_PREDICATE_BYTES, "an OpenVEX predicate");
        Predicate predicate = VexPredicates.of(document, predicateFile.toString());
        List<Subject> subjects = signing.readSubjects();
        return signing.signAndWrite(subjects, predicate, attest.parent);
    }
}
