package dev.assay.cli;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.engine.Ages;
import dev.assay.engine.AssayVersion;
import dev.assay.engine.ScanEngine;
import dev.assay.engine.ScanGate;
import dev.assay.engine.ScanOutcome;
import dev.assay.engine.ScanRequest;
import dev.assay.match.UncheckedComponent;
import dev.assay.model.Finding;
import dev.assay.model.ScanResult;
import dev.assay.model.Severity;
import dev.assay.report.ReportOptions;
import dev.assay.report.ScanReportFormats;
import dev.assay.report.ScanReportWriter;
import dev.assay.vulndb.store.AdvisoryDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code assay scan TARGET}: the vulnerabilities of what {@code assay sbom} finds, or of an SBOM. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Find known vulnerabilities in a directory, file, root filesystem, image or SBOM.",
        subcommands = {ScanK8sCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay scan .                                   table of findings, worst first",
            "  assay scan bom.cdx.json --format json -o findings.json",
            "  assay scan app.jar --fail-on high               exit 1 when a HIGH or CRITICAL finding is found",
            "  assay scan image.tar --fail-on-kev              exit 1 on any known-exploited vulnerability",
            "  assay scan . --vex vex.openvex.json --format sarif -o assay.sarif",
            "  assay scan . --db /srv/assay-db --max-db-age 3d   exit 3 when the database is older",
            "  assay scan k8s deploy/ --fail-on high            Kubernetes manifests (see assay scan k8s --help)",
            "",
            "Formats: table (default), json, sarif, cyclonedx-vdr.",
            "Without --db or ASSAY_DB the database in the user cache is used; on first use it is filled with the",
            "advisory snapshot bundled with Assay (run 'assay db update' for current data)."
        })
final class ScanCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Mixin
    UploadOptions upload;

    @Mixin
    InventoryTargetOptions inventory;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at or above SEVERITY: low, medium, high, critical.")
    String failOn;

    @Option(
            names = "--fail-on-kev",
            description = "Exit 1 when a finding is in CISA's Known Exploited Vulnerabilities.")
    boolean failOnKev;

    @Option(names = "--ignore-unfixed", description = "Leave out findings without a published fix.")
    boolean ignoreUnfixed;

    @Option(
            names = "--vex",
            paramLabel = "FILE",
            description =
                    "OpenVEX or CycloneDX VEX document; not_affected and fixed findings are suppressed. Repeatable.")
    List<Path> vex = List.of();

    @Option(
            names = "--max-db-age",
            paramLabel = "AGE",
            description = "Exit 3 instead of scanning when the database is older than AGE (7d, 36h, P2D).")
    String maxDbAge;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = parent.globalOptions;
        Terminal terminal = parent.terminal();
        String format = options.format == null ? ScanReportFormats.TABLE : options.format;
        ScanReportWriter writer = ScanReportFormats.writer(
                format, ReportOptions.defaults(AssayVersion.current()).withClock(Clock.systemUTC()));
        ScanGate gate = new ScanGate(failOnSeverity(), failOnKev);
        Optional<Duration> maxAge = Optional.ofNullable(maxDbAge).map(AdvisoryDatabases::parseAge);
        ScanRequest request = new ScanRequest(inventory.request("scan"), vex, ignoreUnfixed);
        ServerUpload.Target uploadTarget = upload.target(System.getenv());
        Logger log = LoggerFactory.getLogger(ScanCommand.class);

        ScanOutcome outcome;
        try (AdvisoryDatabase store = AdvisoryDatabases.open(database.resolve(), database.isDefaultLocation());
                ConsoleProgress progress = ConsoleProgress.forOptions(options, terminal)) {
            AdvisoryDatabases.requireFresh(store.info(), maxAge, Clock.systemUTC());
            if (store.info().snapshot()) {
                log.warn(
                        "using the advisory snapshot bundled with Assay, updated {} ago; run 'assay db update' for current data",
                        Ages.describe(Duration.between(
                                store.info().updatedAt(), Clock.systemUTC().instant())));
            }
            outcome = ScanEngine.withDefaults().scan(request, store, progress);
        }
        ScanResult result = outcome.result();
        OutputTarget.write(options.output, terminal.out(), out -> writer.write(result, out));
        report(log, outcome);
        if (uploadTarget != null) {
            SbomUploader.uploadAndReport(uploadTarget, result.sbom(), options, terminal);
        }

        List<Finding> tripping = gate.tripping(result.findings());
        if (!tripping.isEmpty()) {
            log.warn(
                    "{} finding(s) trip the gate ({}), e.g. {} in {}",
                    tripping.size(),
                    describe(gate),
                    tripping.get(0).vulnerability().id(),
                    tripping.get(0).component().purl());
            return ExitCodes.GATE_TRIPPED;
        }
        return ExitCodes.OK;
    }

    private static void report(Logger log, ScanOutcome outcome) {
        outcome.warnings().forEach(warning -> log.warn("{}", warning));
        ScanResult result = outcome.result();
        result.sbom()
                .unknowns()
                .forEach(unknown -> log.warn("could not read {}: {}", unknown.location(), unknown.reason()));
        Map<String, Integer> uncheckedReasons = new TreeMap<>();
        for (UncheckedComponent unchecked : outcome.unchecked()) {
            uncheckedReasons.merge(unchecked.reason(), 1, Integer::sum);
            log.debug("not checked: {} ({})", unchecked.component().purl(), unchecked.reason());
        }
        uncheckedReasons.forEach((reason, count) -> log.info("{} component(s) not checked: {}", count, reason));
        log.info(
                "{} findings ({} suppressed by VEX) in {} checked components, {} not checked",
                result.findings().size(),
                result.suppressed().size(),
                outcome.checkedComponents(),
                outcome.unchecked().size());
    }

    private Optional<Severity> failOnSeverity() {
        if (failOn == null) {
            return Optional.empty();
        }
        Severity severity = Severity.fromLabel(failOn)
                .filter(candidate -> candidate != Severity.UNKNOWN)
                .orElseThrow(() ->
                        new UsageException("--fail-on takes low, medium, high or critical, not '" + failOn + "'"));
        return Optional.of(severity);
    }

    private static String describe(ScanGate gate) {
        String severity = gate.failOn()
                .map(value -> "--fail-on " + value.name().toLowerCase(Locale.ROOT))
                .orElse("");
        String kev = gate.failOnKev() ? "--fail-on-kev" : "";
        return (severity + " " + kev).strip();
    }
}
