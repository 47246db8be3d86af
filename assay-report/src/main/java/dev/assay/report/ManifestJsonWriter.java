package dev.assay.report;

import dev.assay.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON report of a manifest scan, a contract for tools:
 *
 * <pre>
 * {
 *   "tool": {"name": "Assay", "version"},
 *   "policies": ["pod-security-restricted", "cluster-hardening"],
 *   "summary": {"files", "documents", "resourcesWithFindings", "findings",
 *               "bySeverity": {"CRITICAL": n, ...}, "errors", "skipped", "undecided"},
 *   "results": [{"file", "document", "item" (list items only), "line", "source" (when known),
 *                "apiVersion", "kind", "namespace", "name",
 *                "violations": [{"policy", "rule", "severity", "enforcement", "message"}]}],
 *   "errors": [{"file", "document", "line", "message"}], "skipped": [...], "undecided": [...]
 * }
 * </pre>
 *
 * Every document is in {@code results}, with or without violations, in file and document order; violations
 * are worst first.
 */
public final class ManifestJsonWriter implements ManifestReportWriter {
    private final ReportOptions options;

    public ManifestJsonWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return ManifestReportFormats.JSON;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void write(ManifestScanResult result, OutputStream out) throws IOException {
        JsonOutput json = JsonOutput.open(out);
        json.startObject();
        json.startObject("tool");
        json.string("name", "Assay");
        json.string("version", options.toolVersion());
        json.endObject();
        json.strings("policies", result.policies());
        summary(json, result);
        json.startArray("results");
        for (ManifestResource resource : result.resources()) {
            resource(json, resource);
        }
        json.endArray();
        issues(json, "errors", result.errors());
        issues(json, "skipped", result.skipped());
        issues(json, "undecided", result.undecided());
        json.endObject();
        json.finish(out);
    }

    private static void summary(JsonOutput json, ManifestScanResult result) throws IOException {
        json.startObject("summary");
        json.number("files", result.files());
        json.number("documents", result.resources().size());
        json.number("resourcesWithFindings", result.resourcesWithFindings());
        json.number("findings", result.findings().size());
        json.startObject("bySeverity");
        for (Map.Entry<Severity, Integer> count : result.countsBySeverity().entrySet()) {
            json.number(count.getKey().name(), count.getValue());
        }
        json.endObject();
        json.number("errors", result.errors().size());
        json.number("skipped", result.skipped().size());
        json.number("undecided", result.undecided().size());
        json.endObject();
    }

    private static void resource(JsonOutput json, ManifestResource resource) throws IOException {
        json.startObject();
        json.string("file", resource.file());
        json.number("document", resource.document());
        if (resource.item() > 0) {
            json.number("item", resource.item());
        }
        json.number("line", resource.line());
        json.optionalString("source", resource.source());
        json.string("apiVersion", resource.apiVersion());
        json.string("kind", resource.kind());
        json.string("namespace", resource.namespace());
        json.string("name", resource.name());
        json.startArray("violations");
        for (ManifestFinding finding : resource.findings()) {
            json.startObject();
            json.string("policy", finding.policy());
            json.string("rule", finding.rule());
            json.string("severity", finding.severity().name());
            json.string("enforcement", finding.enforcement().toLowerCase(Locale.ROOT));
            json.string("message", finding.message());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void issues(JsonOutput json, String field, List<ManifestIssue> issues) throws IOException {
        json.startArray(field);
        for (ManifestIssue issue : issues) {
            json.startObject();
            json.string("file", issue.file());
            json.number("document", issue.document());
            json.number("line", issue.line());
            json.string("message", issue.message());
            json.endObject();
        }
        json.endArray();
    }
}
