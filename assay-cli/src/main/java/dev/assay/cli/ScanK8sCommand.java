package dev.assay.cli;

import dev.assay.engine.AssayVersion;
import dev.assay.engine.admission.AdmissionPlugins;
import dev.assay.engine.admission.PolicyFiles;
import dev.assay.engine.k8s.ManifestReader;
import dev.assay.engine.k8s.ManifestScan;
import dev.assay.engine.k8s.ManifestSet;
import dev.assay.engine.k8s.ManifestSource;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.report.ManifestFinding;
import dev.assay.report.ManifestIssue;
import dev.assay.report.ManifestReportFormats;
import dev.assay.report.ManifestReportWriter;
import dev.assay.report.ManifestResource;
import dev.assay.report.ManifestScanResult;
import dev.assay.report.ReportOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay scan k8s PATH...}: Pod Security and the cluster-hardening pack over Kubernetes manifests, with
 * the engine the admission webhook runs. Exit 1 when a finding is at or above {@code --fail-on}, 2 when no
 * Kubernetes object could be read at all, 3 when a policy reached no verdict on some object.
 */
@Command(
        name = "k8s",
        mixinStandardHelpOptions = true,
        description = "Check Kubernetes manifests (YAML, JSON, kind: List, Helm and Kustomize output) against Pod"
                + " Security Standards and the cluster-hardening pack (RBAC, service-account tokens, resource"
                + " limits, runtime sockets, Secrets in manifests, default-deny NetworkPolicies).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay scan k8s deploy/                             every *.yaml, *.yml and *.json below deploy/",
            "  helm template shop ./chart | assay scan k8s -      rendered Helm output from standard input",
            "  kustomize build overlays/prod | assay scan k8s - --fail-on high",
            "  assay scan k8s k8s.yaml --pss-level baseline --format sarif -o k8s.sarif",
            "  assay scan k8s ./k8s --skip-rule container-resource-requests --format json",
            "  assay scan k8s deploy/ --upload https://assay.example.com --project shop --project-version 1.4.0",
            "",
            "Formats: table (default), json, sarif. Workload templates that break Pod Security are findings",
            "(enforcement 'warn', as pod-security-admission warns about them). A directory named k8s must be",
            "given as ./k8s, since 'k8s' after 'scan' names this command. --upload sends the SARIF results",
            "to the server as the version's policy results (upload the version's SBOM first)."
        })
final class ScanK8sCommand implements Callable<Integer> {
    private static final String STDIN = "-";

    @ParentCommand
    ScanCommand scan;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "Manifest files or directories (searched recursively); - reads standard input.")
    List<String> paths;

    @Option(
            names = "--pss-level",
            paramLabel = "LEVEL",
            defaultValue = "restricted",
            description = "Pod Security Standards level: baseline or restricted (default: ${DEFAULT-VALUE}).")
    String pssLevel;

    @Option(
            names = "--pss-version",
            paramLabel = "VERSION",
            defaultValue = "latest",
            description = "Pod Security policy version v1.N or latest (default: ${DEFAULT-VALUE}).")
    String pssVersion;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at or above SEVERITY: low, medium, high, critical.")
    String failOn;

    @Option(
            names = "--skip-rule",
            paramLabel = "RULE",
            description = "Leave out a rule's findings, named as in the report (container-resource-requests,"
                    + " pod-security-restricted/runAsNonRoot). Repeatable.")
    List<String> skipRules = List.of();

    @Option(
            names = "--policy",
            paramLabel = "FILE_OR_DIR",
            description = "Also apply policy documents (kind: Policy with CEL validations, kind: ImagePolicy), as"
                    + " assay server --policy loads them. Repeatable.")
    List<Path> policies = List.of();

    @Mixin
    RegistryFlags registry = new RegistryFlags();

    @Mixin
    UploadOptions upload = new UploadOptions();

    /** For ImagePolicy documents with {@code vulnerabilities.scan: true}. */
    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(
            names = "--max-file-size",
            paramLabel = "BYTES",
            defaultValue = "33554432",
            description = "Largest manifest file read (default ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = scan.parent.globalOptions;
        Terminal terminal = scan.parent.terminal();
        String format = options.format == null ? ManifestReportFormats.TABLE : options.format;
        ManifestReportWriter writer =
                ManifestReportFormats.writer(format, ReportOptions.defaults(AssayVersion.current()));
        Optional<Severity> threshold = threshold();
        if (maxFileSize <= 0) {
            throw new UsageException("--max-file-size must be positive");
        }
        ManifestScan engine = ManifestScan.builtIn(Level.parse(pssLevel), PolicyVersion.parse(pssVersion));
        if (!policies.isEmpty()) {
            AdmissionPlugins plugins = AdmissionSetup.plugins(registry, database);
            engine = engine.withPolicies(PolicyFiles.load(policies, plugins).policies());
        }
        engine = engine.withoutRules(skipRules);
        ServerUpload.Target uploadTarget = upload.target(System.getenv());
        if (uploadTarget != null && !uploadTarget.tags().isEmpty()) {
            throw new UsageException("--project-tag applies to SBOM uploads; policy results have no tags");
        }
        Logger log = LoggerFactory.getLogger(ScanK8sCommand.class);

        ManifestSet set = new ManifestReader(maxFileSize).read(sources(terminal));
        ManifestScanResult result = engine.scan(set);
        OutputTarget.write(options.output, terminal.out(), out -> writer.write(result, out));
        report(log, result);

        if (result.resources().isEmpty()) {
            throw new InvalidInputException(
                    result.errors().isEmpty()
                            ? "no Kubernetes objects found in " + String.join(", ", paths)
                            : "no Kubernetes object could be read: "
                                    + result.errors().size() + " error(s), first "
                                    + result.errors().getFirst().position() + ": "
                                    + result.errors().getFirst().message(),
                    String.join(" ", paths));
        }
        if (uploadTarget != null) {
            // SARIF whatever --format printed: it is what the server reads, and it keeps rule and location.
            PolicyResultUploader.uploadAndReport(uploadTarget, sarif(result), options, terminal);
        }
        if (threshold.isPresent()) {
            List<ManifestFinding> tripping = result.findingsAtOrAbove(threshold.get());
            if (!tripping.isEmpty()) {
                ManifestResource first = result.resources().stream()
                        .filter(resource -> resource.findings().contains(tripping.getFirst()))
                        .findFirst()
                        .orElseThrow();
                log.warn(
                        "{} finding(s) at or above --fail-on {}, e.g. {} on {} ({})",
                        tripping.size(),
                        threshold.get().name().toLowerCase(Locale.ROOT),
                        tripping.getFirst().ruleId(),
                        first.describe(),
                        first.position());
                return ExitCodes.GATE_TRIPPED;
            }
        }
        if (!result.undecided().isEmpty()) {
            log.warn(
                    "{} object(s) without a verdict; the scan is not clean until they can be judged",
                    result.undecided().size());
            return ExitCodes.NO_VERDICT;
        }
        return ExitCodes.OK;
    }

    private static byte[] sarif(ManifestScanResult result) throws IOException {
        ByteArrayOutputStream sarif = new ByteArrayOutputStream();
        ManifestReportFormats.writer(ManifestReportFormats.SARIF, ReportOptions.defaults(AssayVersion.current()))
                .write(result, sarif);
        return sarif.toByteArray();
    }

    private List<ManifestSource> sources(Terminal terminal) throws IOException {
        List<ManifestSource> sources = new ArrayList<>();
        boolean stdinRead = false;
        for (String path : paths) {
            if (path.equals(STDIN)) {
                if (stdinRead) {
                    throw new UsageException("standard input (-) can be given only once");
                }
                stdinRead = true;
                sources.add(new ManifestSource.Content(
                        STDIN, BoundedInput.readAll(terminal.in(), maxFileSize, "standard input")));
            } else {
                sources.add(new ManifestSource.FileOrDirectory(Path.of(path)));
            }
        }
        return sources;
    }

    private Optional<Severity> threshold() {
        if (failOn == null) {
            return Optional.empty();
        }
        return Optional.of(Severity.fromLabel(failOn)
                .filter(candidate -> candidate != Severity.UNKNOWN)
                .orElseThrow(() ->
                        new UsageException("--fail-on takes low, medium, high or critical, not '" + failOn + "'")));
    }

    private static void report(Logger log, ManifestScanResult result) {
        for (ManifestIssue error : result.errors()) {
            log.warn("could not read {}: {}", error.position(), error.message());
        }
        for (ManifestIssue undecided : result.undecided()) {
            log.warn("no verdict for {}: {}", undecided.position(), undecided.message());
        }
        for (ManifestIssue skipped : result.skipped()) {
            log.info("skipped {}: {}", skipped.position(), skipped.message());
        }
        log.info(
                "{} Kubernetes objects in {} files, {} findings ({} errors, {} skipped)",
                result.resources().size(),
                result.files(),
                result.findings().size(),
                result.errors().size(),
                result.skipped().size());
    }
}
