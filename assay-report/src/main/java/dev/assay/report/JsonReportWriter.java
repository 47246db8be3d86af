package dev.assay.report;

import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.Component;
import dev.assay.model.EpssScore;
import dev.assay.model.Evidence;
import dev.assay.model.Finding;
import dev.assay.model.Location;
import dev.assay.model.MatchEvidence;
import dev.assay.model.Purl;
import dev.assay.model.Rating;
import dev.assay.model.ScanResult;
import dev.assay.model.Severity;
import dev.assay.model.SuppressedFinding;
import dev.assay.model.Unknown;
import dev.assay.model.Vulnerability;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Assay's own JSON report: a contract other tools parse, so names only ever get added, never renamed or
 * removed (a breaking change raises {@link #SCHEMA_VERSION}'s major number).
 *
 * <pre>{@code
 * {
 *   "schemaVersion": "1.0",
 *   "tool": {"name": "Assay", "version": "..."},
 *   "source": {"name", "version", "purl", "kind"} | null,
 *   "database": {"location", "updatedAt", "snapshot", "advisories"},
 *   "summary": {"total", "bySeverity": {"CRITICAL": n, ...}, "knownExploited", "fixable", "suppressed"},
 *   "findings": [finding...],
 *   "suppressed": [finding + "vex": {"status", "justification", "statement", "source"}...],
 *   "unknowns": [{"path", "layer", "cataloger", "reason"}...]
 * }
 * finding = {
 *   "vulnerability": {"id", "aliases": [], "summary", "ratings": [{"method", "score", "severity", "vector",
 *                     "source"}], "references": [], "published", "modified"},
 *   "component": {"purl", "name", "group", "version", "type", "kind", "locations": [{"path", "layer"}],
 *                 "evidence": [{"cataloger", "path", "layer", "versionSource"}]},
 *   "severity": "CRITICAL|HIGH|MEDIUM|LOW|UNKNOWN",
 *   "fixedVersions": [], "kev": false, "epss": {"probability", "percentile"} | null,
 *   "matches": [{"matcher", "advisoryId", "ecosystem", "packageName", "affectedRange", "versionScheme",
 *                "source"}],
 *   "dependencyPath": [purl...], "direct": false
 * }
 * }</pre>
 *
 * Every field is always present: an unknown scalar is {@code null} (a score without a number, a missing date,
 * a path outside an image layer), an unknown list is {@code []}. {@code direct} is true only when the path is
 * the component alone; an empty {@code dependencyPath} means the inventory had no graph. Text is written as
 * the data has it (JSON escaping makes it safe to parse; printing it is the reader's concern).
 */
public final class JsonReportWriter implements ScanReportWriter {
    /** The report's schema version: minor for added fields, major for anything that breaks a reader. */
    public static final String SCHEMA_VERSION = "1.0";

    private final ReportOptions options;

    public JsonReportWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return ScanReportFormats.JSON;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        JsonOutput json = JsonOutput.open(out);
        json.startObject();
        json.string("schemaVersion", SCHEMA_VERSION);
        json.startObject("tool");
        json.string("name", "Assay");
        json.string("version", options.toolVersion());
        json.endObject();
        source(json, result);
        database(json, result.database());
        summary(json, SeverityCounts.of(result));

        json.startArray("findings");
        for (Finding finding : result.findings()) {
            json.startObject();
            findingFields(json, finding);
            json.endObject();
        }
        json.endArray();

        json.startArray("suppressed");
        for (SuppressedFinding suppressed : SeverityCounts.suppressedInOrder(result)) {
            json.startObject();
            findingFields(json, suppressed.finding());
            json.startObject("vex");
            json.string("status", suppressed.status().openVexName());
            json.string("justification", suppressed.justification());
            json.string("statement", suppressed.statement());
            json.string("source", suppressed.vexSource());
            json.endObject();
            json.endObject();
        }
        json.endArray();

        json.startArray("unknowns");
        for (Unknown unknown : new TreeSet<>(result.sbom().unknowns())) {
            json.startObject();
            json.string("path", unknown.location().path());
            json.string("layer", unknown.location().layerDigest());
            json.string("cataloger", unknown.catalogerId());
            json.string("reason", unknown.reason());
            json.endObject();
        }
        json.endArray();
        json.endObject();
        json.finish(out);
    }

    private static void source(JsonOutput json, ScanResult result) throws IOException {
        Component subject = result.sbom().metadata() == null
                ? null
                : result.sbom().metadata().subject();
        if (subject == null) {
            json.nullField("source");
            return;
        }
        json.startObject("source");
        json.string("name", subject.name());
        json.string("version", subject.version());
        json.string("purl", subject.purl().toString());
        json.string("kind", subject.kind().name().toLowerCase(Locale.ROOT));
        json.endObject();
    }

    private static void database(JsonOutput json, AdvisoryDatabaseSummary database) throws IOException {
        json.startObject("database");
        json.string("location", database.location());
        json.instant("updatedAt", database.updatedAt());
        json.bool("snapshot", database.snapshot());
        json.number("advisories", database.advisories());
        json.endObject();
    }

    private static void summary(JsonOutput json, SeverityCounts counts) throws IOException {
        json.startObject("summary");
        json.number("total", counts.total());
        json.startObject("bySeverity");
        for (Severity severity : Severity.values()) {
            json.number(severity.name(), counts.count(severity));
        }
        json.endObject();
        json.number("knownExploited", counts.knownExploited());
        json.number("fixable", counts.fixable());
        json.number("suppressed", counts.suppressed());
        json.endObject();
    }

    private static void findingFields(JsonOutput json, Finding finding) throws IOException {
        vulnerability(json, finding.vulnerability());
        component(json, finding.component());
        json.string("severity", finding.severity().name());
        json.strings("fixedVersions", finding.fixedVersions());
        json.bool("kev", finding.kev());
        EpssScore epss = finding.epss();
        if (epss == null) {
            json.nullField("epss");
        } else {
            json.startObject("epss");
            json.number("probability", epss.probability());
            json.number("percentile", epss.percentile());
            json.endObject();
        }
        json.startArray("matches");
        for (MatchEvidence match : finding.matches()) {
            json.startObject();
            json.string("matcher", match.matcherId());
            json.string("advisoryId", match.advisoryId());
            json.string("ecosystem", match.ecosystem());
            json.string("packageName", match.packageName());
            json.string("affectedRange", match.affectedRange());
            json.string("versionScheme", match.versionScheme());
            json.string("source", match.advisorySource());
            json.endObject();
        }
        json.endArray();
        json.strings(
                "dependencyPath",
                finding.dependencyPath().stream().map(Purl::toString).toList());
        json.bool("direct", finding.isDirect());
    }

    private static void vulnerability(JsonOutput json, Vulnerability vulnerability) throws IOException {
        json.startObject("vulnerability");
        json.string("id", vulnerability.id());
        json.strings("aliases", vulnerability.aliases());
        json.string("summary", vulnerability.summary());
        json.startArray("ratings");
        for (Rating rating : vulnerability.ratings()) {
            json.startObject();
            json.string("method", rating.method());
            json.number("score", rating.score());
            json.string("severity", rating.severity().name());
            json.string("vector", rating.vector());
            json.string("source", rating.source());
            json.endObject();
        }
        json.endArray();
        json.strings("references", vulnerability.references());
        json.instant("published", vulnerability.published());
        json.instant("modified", vulnerability.modified());
        json.endObject();
    }

    private static void component(JsonOutput json, Component component) throws IOException {
        json.startObject("component");
        json.string("purl", component.purl().toString());
        json.string("name", component.name());
        json.string("group", component.group());
        json.string("version", component.version());
        json.string("type", component.purl().type());
        json.string("kind", component.kind().name().toLowerCase(Locale.ROOT));
        json.startArray("locations");
        for (Location location : locations(component)) {
            json.startObject();
            json.string("path", location.path());
            json.string("layer", location.layerDigest());
            json.endObject();
        }
        json.endArray();
        json.startArray("evidence");
        for (Evidence evidence : component.evidence()) {
            json.startObject();
            json.string("cataloger", evidence.catalogerId());
            json.string("path", evidence.location().path());
            json.string("layer", evidence.location().layerDigest());
            json.string("versionSource", evidence.versionSource());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** Where the component was found, each place once, in path order. */
    static TreeSet<Location> locations(Component component) {
        TreeSet<Location> locations = new TreeSet<>();
        for (Evidence evidence : component.evidence()) {
            locations.add(evidence.location());
        }
        return locations;
    }
}
