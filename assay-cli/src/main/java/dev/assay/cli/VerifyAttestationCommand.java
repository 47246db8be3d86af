package dev.assay.cli;

import dev.assay.sign.attest.AttestationDocuments;
import dev.assay.sign.attest.AttestationExpectations;
import dev.assay.sign.attest.AttestationResult;
import dev.assay.sign.attest.AttestationVerifier;
import dev.assay.sign.attest.ExpectedSubject;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay verify attestation ENVELOPE --key PUB --type TYPE --subject FILE...}. */
@Command(
        name = "attestation",
        mixinStandardHelpOptions = true,
        description = "Verify an in-toto attestation (a DSSE envelope, or a Sigstore bundle carrying one) with "
                + "a public key: the signature, the in-toto payload type, the predicate type and that each "
                + "FILE's SHA-256 is a subject. Prints the verified statement (or --print predicate) for "
                + "pipelines; nothing is printed unless every check passed.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay verify attestation app.tar.intoto.json --key cosign.pub \\",
            "      --type cyclonedx --subject app.tar",
            "  assay verify attestation app.tar.sigstore.json --key cosign.pub \\",
            "      --type slsaprovenance --subject app.tar --print predicate \\",
            "      | jq .runDetails.builder.id"
        })
final class VerifyAttestationCommand implements Callable<Integer> {
    static final long MAX_ATTESTATION_BYTES = 64L * 1024 * 1024;

    @ParentCommand
    VerifyCommand verify;

    @Parameters(index = "0", paramLabel = "ENVELOPE", description = "DSSE envelope or Sigstore bundle (JSON).")
    Path envelopeFile;

    @Option(names = "--key", required = true, paramLabel = "PUB", description = "Public key (PEM).")
    Path key;

    @Option(
            names = "--type",
            required = true,
            paramLabel = "TYPE",
            description = "Predicate type: slsaprovenance, slsaprovenance1, slsaprovenance02, cyclonedx, spdx,"
                    + " spdxjson, openvex, vuln, or a predicate type URI.")
    String type;

    @Option(
            names = "--subject",
            required = true,
            paramLabel = "FILE",
            description = "A file that must be a subject (repeatable).")
    List<Path> subjects;

    @Option(
            names = "--print",
            paramLabel = "PART",
            defaultValue = "statement",
            description = "What to print once verified: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    VerifiedStatementOutput.Part print;

    @Override
    public Integer call() throws IOException {
        List<String> accepted = PredicateTypes.accepted(type);
        PublicKey publicKey = PublicKeys.decode(SignBlobCommand.read(key), key.toString());
        subjects.forEach(InputFiles::requireRegularFile);
        List<ExpectedSubject> expected =
                subjects.stream().map(ExpectedSubject::ofFile).toList();
        DsseEnvelope envelope = AttestationDocuments.envelope(
                InputFiles.read(envelopeFile, MAX_ATTESTATION_BYTES, "an attestation"), envelopeFile.toString());
        AttestationResult result =
                AttestationVerifier.verify(envelope, publicKey, new AttestationExpectations(accepted, expected));
        if (result.verifiedStatement().isPresent()) {
            VerifiedStatementOutput.write(result.verifiedStatement().get(), print, verify.parent);
        }
        return Verdicts.report(result.verification(), verify.parent.terminal(), verify.parent.globalOptions.quiet);
    }
}
