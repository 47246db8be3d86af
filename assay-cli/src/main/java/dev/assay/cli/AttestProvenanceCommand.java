package dev.assay.cli;

import dev.assay.sign.intoto.Subject;
import dev.assay.sign.slsa.ProvenanceGenerator;
import dev.assay.sign.slsa.ProvenancePredicate;
import dev.assay.sign.slsa.ProvenanceRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code assay attest provenance --subject FILE... --key KEY [overrides]}: SLSA Provenance v1. */
@Command(
        name = "provenance",
        mixinStandardHelpOptions = true,
        description = "Attest SLSA build provenance (https://slsa.dev/provenance/v1) for the subjects. In "
                + "GitHub Actions and GitLab CI the builder, build type, source repository, ref and commit "
                + "and the run are read from the environment, in the shapes GitHub's and GitLab's own "
                + "provenance use; every flag below overrides what the environment says. Elsewhere "
                + "--builder-id and --build-type are required.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  In a GitHub Actions or GitLab CI job:",
            "    assay attest provenance --subject dist/app.tar --key cosign.key \\",
            "        --bundle app.tar.sigstore.json",
            "  Elsewhere:",
            "    assay attest provenance --subject app.tar --key cosign.key \\",
            "        --builder-id https://ci.example.com/agents/7 \\",
            "        --build-type https://example.com/buildtypes/make/v1 \\",
            "        --source-uri https://git.example.com/acme/app \\",
            "        --source-ref refs/tags/v1.2.0 \\",
            "        --source-digest sha1:0123456789abcdef0123456789abcdef01234567",
            "  The password comes from ASSAY_PASSWORD or a prompt."
        })
final class AttestProvenanceCommand implements Callable<Integer> {
    @ParentCommand
    AttestCommand attest;

    @Mixin
    AttestationSigning signing;

    @Option(names = "--builder-id", paramLabel = "URI", description = "The builder that produced the subjects.")
    String builderId;

    @Option(names = "--build-type", paramLabel = "URI", description = "How to read the build's parameters.")
    String buildType;

    @Option(
            names = "--source-uri",
            paramLabel = "URI",
            description = "Source repository, e.g. https://github.com/org/repo.")
    String sourceUri;

    @Option(names = "--source-ref", paramLabel = "REF", description = "Git ref built, e.g. refs/tags/v1.2.0.")
    String sourceRef;

    @Option(names = "--source-digest", paramLabel = "ALG:HEX", description = "Source commit, e.g. sha1:<commit id>.")
    String sourceDigest;

    @Option(names = "--started-on", paramLabel = "TIME", description = "When the build started (RFC 3339).")
    String startedOn;

    @Option(names = "--finished-on", paramLabel = "TIME", description = "When the build finished (RFC 3339).")
    String finishedOn;

    @Option(names = "--invocation-id", paramLabel = "ID", description = "The build run, e.g. its URL.")
    String invocationId;

    @Option(
            names = "--parameter",
            paramLabel = "NAME=VALUE",
            description = "An external parameter of the build, e.g. a workflow input (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    /** The process environment; a field so that tests can give the command a CI system of their choice. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws IOException {
        ProvenanceRequest request = ProvenanceRequest.builder()
                .builderId(builderId)
                .buildType(buildType)
                .sourceUri(sourceUri)
                .sourceRef(sourceRef)
                .sourceDigest(sourceDigest)
                .startedOn(Timestamps.parse(startedOn, "--started-on"))
                .finishedOn(Timestamps.parse(finishedOn, "--finished-on"))
                .invocationId(invocationId)
                .parameters(parameters)
                .build();
        ProvenancePredicate predicate = ProvenanceGenerator.generate(environment, request);
        List<Subject> subjects = signing.readSubjects();
        return signing.signAndWrite(subjects, predicate.asPredicate(), attest.parent);
    }
}
