package dev.assay.engine;

import dev.assay.catalog.ProgressListener;
import dev.assay.match.MatchReport;
import dev.assay.match.VulnerabilityMatcher;
import dev.assay.match.vex.VexApplier;
import dev.assay.match.vex.VexDocument;
import dev.assay.match.vex.VexDocuments;
import dev.assay.match.vex.VexResult;
import dev.assay.model.Finding;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import dev.assay.model.ScanResult;
import dev.assay.vulndb.AdvisoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * source (or SBOM document), then inventory, then matching, then VEX: one {@link ScanResult}. The CLI and
 * the server both scan through this class, so a verdict seen in one can be reproduced with the other.
 */
public final class ScanEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ScanEngine.class);

    private final InventoryEngine inventory;
    private final VulnerabilityMatcher matcher;
    private final VexApplier vex;

    public ScanEngine(InventoryEngine inventory, VulnerabilityMatcher matcher, VexApplier vex) {
        this.inventory = inventory;
        this.matcher = matcher;
        this.vex = vex;
    }

    public static ScanEngine withDefaults() {
        return new ScanEngine(
                InventoryEngine.withDefaults(), VulnerabilityMatcher.withDefaultMatchers(), VexApplier.create());
    }

    public ScanOutcome scan(ScanRequest request, AdvisoryStore store, ProgressListener progress) {
        // VEX documents are read before the inventory so a typo in --vex fails fast, not after a long scan.
        List<VexDocument> documents = readVex(request.vexFiles());
        Sbom sbom = inventory(request.inventory(), progress);
        return scan(sbom, documents, request.ignoreUnfixed(), store, progress);
    }

    /** Matches an inventory that is already at hand (an uploaded SBOM, a stored one). */
    public ScanOutcome scan(
            Sbom sbom,
            List<VexDocument> documents,
            boolean ignoreUnfixed,
            AdvisoryStore store,
            ProgressListener progress) {
        progress.phase("matching", sbom.components().size());
        long started = System.nanoTime();
        MatchReport report = matcher.match(store, sbom);
        LOG.debug(
                "matched {} components in {} ms: {} findings, {} not checked",
                sbom.components().size(),
                (System.nanoTime() - started) / 1_000_000,
                report.findings().size(),
                report.unchecked().size());
        List<Finding> findings = report.findings();
        if (ignoreUnfixed) {
            findings = findings.stream().filter(Finding::hasFix).toList();
        }
        List<String> warnings = new ArrayList<>(uncoveredEcosystems(sbom, store, matcher));
        VexResult applied = vex.apply(findings, sbom, documents);
        for (VexDocument document : documents) {
            document.warnings().forEach(warning -> warnings.add(document.source() + ": " + warning));
        }
        ScanResult result =
                new ScanResult(sbom, applied.findings(), applied.suppressed(), AdvisoryDatabases.summary(store));
        return new ScanOutcome(result, report.unchecked(), report.checkedComponents(), warnings);
    }

    /**
     * A component of an ecosystem the database has no advisories for was "checked" against nothing; say so,
     * so that an empty report is never read as a clean bill of health for those packages.
     */
    static List<String> uncoveredEcosystems(Sbom sbom, AdvisoryStore store, VulnerabilityMatcher matcher) {
        java.util.Set<String> covered = store.info().advisoriesByEcosystem().keySet();
        java.util.Map<String, Integer> uncovered = new java.util.TreeMap<>();
        for (dev.assay.model.Component component : sbom.components()) {
            for (String ecosystem : matcher.advisoryEcosystems(component)) {
                if (!covered.contains(ecosystem)) {
                    uncovered.merge(ecosystem, 1, Integer::sum);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        uncovered.forEach((ecosystem, count) -> warnings.add("the advisory database has no " + ecosystem
                + " advisories: " + count + " " + ecosystem + " component(s) could not be checked"
                + (store.info().snapshot()
                        ? " (the bundled snapshot covers only part of OSV; run 'assay db update')"
                        : "")));
        return warnings;
    }

    /** An SBOM document is read as it is; anything else is inventoried as {@code assay sbom} would. */
    public Sbom inventory(InventoryRequest request, ProgressListener progress) {
        Path path = Path.of(request.target());
        if (request.kind() == TargetKind.AUTO && SbomDocuments.looksLikeSbom(path)) {
            return SbomDocuments.read(path, request.limits().maxFileBytes());
        }
        return inventory.inventory(request, progress);
    }

    public static List<VexDocument> readVex(List<Path> files) {
        List<VexDocument> documents = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                documents.add(VexDocuments.read(in, file.toString()));
            } catch (IOException e) {
                throw new InvalidInputException(
                        "cannot read the VEX document " + file + ": " + e.getMessage(), file.toString(), e);
            }
        }
        return documents;
    }
}
