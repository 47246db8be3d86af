package dev.assay.cli;

import dev.assay.sign.attest.Predicate;
import dev.assay.sign.attest.VulnPredicates;
import dev.assay.sign.attest.VulnScanContext;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.slsa.BuildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code assay attest vuln --predicate SCAN.json --subject FILE... --key KEY}. */
@Command(
        name = "vuln",
        mixinStandardHelpOptions = true,
        description = "Attest a vulnerability scan: the JSON report of 'assay scan --format json', in cosign's "
                + "vulnerability predicate (invocation, scanner, metadata; type "
                + "https://cosign.sigstore.dev/attestation/vuln/v1 ). A predicate already in that shape (e.g. trivy --format cosign-vuln) "
                + "is signed as it is. The report does not record when the scan ran: give "
                + "--scan-started-on/--scan-finished-on, else both are the report's file time.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay scan app/ --format json -o scan.json",
            "  assay attest vuln --predicate scan.json --subject app.tar --key cosign.key"
        })
final class AttestVulnCommand implements Callable<Integer> {
    @ParentCommand
    AttestCommand attest;

    @Option(names = "--predicate", required = true, paramLabel = "FILE", description = "The scan report (JSON).")
    Path predicateFile;

    @Option(names = "--scan-started-on", paramLabel = "TIME", description = "When the scan started (RFC 3339).")
    String scanStartedOn;

    @Option(names = "--scan-finished-on", paramLabel = "TIME", description = "When the scan finished (RFC 3339).")
    String scanFinishedOn;

    @Mixin
    AttestationSigning signing;

    /** The process environment, for the CI run that asked for the scan; a field so that tests can set it. */
    java.util.Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws IOException {
        byte[] document = InputFiles.read(predicateFile, AttestationSigning.MAX_PREDICATE_BYTES, "a scan report");
        // The report is written when the scan ends: its file time is the best default for both ends.
        Instant written = Files.getLastModifiedTime(predicateFile).toInstant();
        Instant finished = scanFinishedOn != null ? Timestamps.parse(scanFinishedOn, "--scan-finished-on") : written;
        Instant started = scanStartedOn != null ? Timestamps.parse(scanStartedOn, "--scan-started-on") : finished;
        BuildEnvironment ci = BuildEnvironment.detect(environment);
        VulnScanContext context = new VulnScanContext(
                started,
                finished,
                ci.invocationId().orElse(""),
                ci.runId().orElse(""),
                ci.builderId().orElse(""));
        Predicate predicate = VulnPredicates.of(document, predicateFile.toString(), context);
        List<Subject> subjects = signing.readSubjects();
        return signing.signAndWrite(subjects, predicate, attest.parent);
    }
}
