package dev.assay.cli;

import dev.assay.sign.attest.AttestationDocuments;
import dev.assay.sign.attest.AttestationResult;
import dev.assay.sign.attest.ExpectedSubject;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.keys.PublicKeys;
import dev.assay.sign.slsa.BuildLevelPolicy;
import dev.assay.sign.slsa.ProvenanceExpectations;
import dev.assay.sign.slsa.ProvenanceVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay verify provenance ENVELOPE --key PUB --subject FILE --builder-id ID [...]}: slsa-verifier's
 * checks for provenance signed with a key, from any builder.
 */
@Command(
        name = "provenance",
        mixinStandardHelpOptions = true,
        description = "Verify SLSA provenance (v1 or v0.2) as slsa-verifier does, for any builder whose key you "
                + "trust: the signature, each FILE's SHA-256 among the subjects, the builder id (exact; an "
                + "id without @version matches every version), the source repository and ref wherever the "
                + "provenance records them, and with --policy the SLSA build level the policy grants the "
                + "builder (--build-level N requires at least N). Every failed check is a rejection (exit "
                + "1) that names it.",
        footerHeading = "%nPolicy file (YAML or JSON):%n",
        footer = {
            "  builders:     # trusted builder id: the SLSA build level it provides (0-3)",
            "    https://github.com/acme/app/.github/workflows/release.yml: 2",
            "    https://gitlab.com/acme/app/-/runners/12270831: 2",
            "",
            "Examples:",
            "  assay verify provenance app.tar.intoto.json --key cosign.pub \\",
            "      --subject app.tar \\",
            "      --builder-id https://github.com/acme/app/.github/workflows/release.yml \\",
            "      --source-uri github.com/acme/app --source-tag v1.2.0",
            "  assay verify provenance app.tar.sigstore.json --key cosign.pub \\",
            "      --subject app.tar --policy builders.yaml --build-level 2"
        })
final class VerifyProvenanceCommand implements Callable<Integer> {
    @ParentCommand
    VerifyCommand verify;

    @Parameters(index = "0", paramLabel = "ENVELOPE", description = "DSSE envelope or Sigstore bundle (JSON).")
    Path envelopeFile;

    @Option(names = "--key", required = true, paramLabel = "PUB", description = "Public key (PEM).")
    Path key;

    @Option(
            names = "--subject",
            required = true,
            paramLabel = "FILE",
            description = "The artifact the provenance must cover (repeatable).")
    List<Path> subjects;

    @Option(
            names = "--builder-id",
            paramLabel = "ID",
            description = "The trusted builder; required unless --policy lists the trusted builders.")
    String builderId;

    @Option(
            names = "--source-uri",
            paramLabel = "URI",
            description = "Expected source repository, e.g. github.com/org/repo.")
    String sourceUri;

    @ArgGroup(exclusive = true)
    Ref ref;

    static final class Ref {
        @Option(names = "--source-ref", paramLabel = "REF", description = "Expected git ref, e.g. refs/tags/v1.2.0.")
        String ref;

        @Option(names = "--source-tag", paramLabel = "TAG", description = "Expected tag, e.g. v1.2.0.")
        String tag;

        @Option(names = "--source-branch", paramLabel = "BRANCH", description = "Expected branch, e.g. main.")
        String branch;

        String asRef() {
            if (tag != null) {
                return ProvenanceExpectations.tagRef(tag);
            }
            if (branch != null) {
                return ProvenanceExpectations.branchRef(branch);
            }
            return ref;
        }
    }

    @Option(names = "--build-level", paramLabel = "N", description = "Minimum SLSA build level (0-3); needs --policy.")
    Integer buildLevel;

    @Option(names = "--policy", paramLabel = "FILE", description = "Trusted builders and their build levels.")
    Path policyFile;

    @Option(names = "--print-provenance", description = "Print the verified statement on stdout (or --output).")
    boolean printProvenance;

    @Override
    public Integer call() throws IOException {
        Optional<BuildLevelPolicy> policy = Optional.empty();
        if (policyFile != null) {
            policy = Optional.of(BuildLevelPolicy.parse(
                    InputFiles.read(policyFile, BuildLevelPolicy.MAX_BYTES, "a provenance policy"),
                    policyFile.toString()));
        }
        ProvenanceExpectations expected = new ProvenanceExpectations(
                Optional.ofNullable(builderId),
                Optional.ofNullable(sourceUri),
                Optional.ofNullable(ref).map(Ref::asRef),
                buildLevel == null ? OptionalInt.empty() : OptionalInt.of(buildLevel),
                policy);
        PublicKey publicKey = PublicKeys.decode(SignBlobCommand.read(key), key.toString());
        subjects.forEach(InputFiles::requireRegularFile);
        List<ExpectedSubject> artifacts =
                subjects.stream().map(ExpectedSubject::ofFile).toList();
        DsseEnvelope envelope = AttestationDocuments.envelope(
                InputFiles.read(
                        envelopeFile, VerifyAttestationCommand.MAX_ATTESTATION_BYTES, "a provenance attestation"),
                envelopeFile.toString());
        AttestationResult result = ProvenanceVerifier.verify(envelope, publicKey, artifacts, expected);
        if (printProvenance && result.verifiedStatement().isPresent()) {
            VerifiedStatementOutput.write(
                    result.verifiedStatement().get(), VerifiedStatementOutput.Part.statement, verify.parent);
        }
        return Verdicts.report(result.verification(), verify.parent.terminal(), verify.parent.globalOptions.quiet);
    }
}
