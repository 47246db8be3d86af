package dev.assay.report;

import dev.assay.model.Location;
import dev.assay.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 of a manifest scan, as GitHub code scanning accepts it: one run whose driver lists one rule
 * per {@code policy/rule} that has findings (sorted by id), and one result per finding pointing at the
 * file and the line its object starts at.
 *
 * <p>Choices, shared with {@link SarifReportWriter} where they mean the same:
 *
 * <ul>
 *   <li>{@code level}: CRITICAL and HIGH are {@code error}, MEDIUM {@code warning}, LOW and UNKNOWN {@code
 *       note}; {@code properties.security-severity} on each rule is a representative score of its severity
 *       (9.5, 8.0, 5.5, 2.0), which code scanning ranks security alerts by.
 *   <li>The message starts with the object ({@code Deployment shop/web: ...}), because a line can hold the
 *       start of only one object but a reader of the alert needs to know which.
 *   <li>{@code partialFingerprints.assayManifest/v1} is the SHA-256 of file, kind, namespace, name, rule and
 *       message, without the line: an alert keeps its identity when lines above it move.
 *   <li>Documents that could not be read become {@code toolExecutionNotifications} of level {@code error}
 *       (and skipped ones of level {@code note}) in the invocation, with their location; the run still
 *       succeeded for the other documents.
 * </ul>
 */
public final class ManifestSarifWriter implements ManifestReportWriter {
    static final String FINGERPRINT = "assayManifest/v1";

    private final ReportOptions options;

    public ManifestSarifWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return ManifestReportFormats.SARIF;
    }

    @Override
    public String mediaType() {
        return "application/sarif+json";
    }

    @Override
    public void write(ManifestScanResult result, OutputStream out) throws IOException {
        Map<String, ManifestRule> known = new LinkedHashMap<>();
        result.rules().forEach(rule -> known.put(rule.id(), rule));
        // Only rules with results are listed, each with the worst severity any of its findings has.
        Map<String, ManifestRule> rules = new TreeMap<>();
        for (ManifestFinding finding : result.findings()) {
            ManifestRule rule = known.getOrDefault(
                    finding.ruleId(),
                    new ManifestRule(finding.policy(), finding.rule(), finding.severity(), finding.rule(), "", ""));
            ManifestRule listed = rules.get(rule.id());
            Severity severity = listed == null ? finding.severity() : worst(listed.severity(), finding.severity());
            rules.put(
                    rule.id(),
                    new ManifestRule(
                            rule.policy(), rule.rule(), severity, rule.title(), rule.remediation(), rule.helpUri()));
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());

        JsonOutput json = JsonOutput.open(out);
        json.startObject();
        json.string("$schema", SarifReportWriter.SCHEMA_URI);
        json.string("version", "2.1.0");
        json.startArray("runs");
        json.startObject();
        json.startObject("tool");
        json.startObject("driver");
        json.string("name", "Assay");
        json.string("informationUri", SarifReportWriter.INFORMATION_URI);
        json.string("version", options.toolVersion());
        json.startArray("rules");
        for (ManifestRule rule : rules.values()) {
            rule(json, rule);
        }
        json.endArray();
        json.endObject();
        json.endObject();

        invocation(json, result);

        json.startArray("results");
        for (ManifestResource resource : result.resources()) {
            for (ManifestFinding finding : resource.findings()) {
                result(json, resource, finding, ruleIds.indexOf(finding.ruleId()));
            }
        }
        json.endArray();
        json.endObject();
        json.endArray();
        json.endObject();
        json.finish(out);
    }

    private static Severity worst(Severity first, Severity second) {
        return first.compareTo(second) <= 0 ? first : second;
    }

    private static void rule(JsonOutput json, ManifestRule rule) throws IOException {
        json.startObject();
        json.string("id", rule.id());
        json.string("name", rule.rule());
        json.startObject("shortDescription");
        json.string("text", oneLine(rule.title()));
        json.endObject();
        json.startObject("fullDescription");
        json.string("text", fullDescription(rule));
        json.endObject();
        json.startObject("defaultConfiguration");
        json.string("level", level(rule.severity()));
        json.endObject();
        if (rule.helpUri().startsWith("https://") || rule.helpUri().startsWith("http://")) {
            json.string("helpUri", rule.helpUri());
        }
        json.startObject("help");
        json.string("text", fullDescription(rule));
        json.string(
                "markdown",
                "**" + SarifReportWriter.markdown(rule.title()) + "**"
                        + (rule.remediation().isEmpty()
                                ? ""
                                : "\n\n" + SarifReportWriter.markdown(rule.remediation())));
        json.endObject();
        json.startObject("properties");
        String score = switch (rule.severity()) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case UNKNOWN -> "";
        };
        if (!score.isEmpty()) {
            json.string("security-severity", score);
        }
        json.strings("tags", List.of("security", "kubernetes", "misconfiguration", oneLine(rule.policy())));
        json.endObject();
        json.endObject();
    }

    private static String fullDescription(ManifestRule rule) {
        String title = oneLine(rule.title());
        return rule.remediation().isEmpty() ? title : title + ". " + oneLine(rule.remediation());
    }

    private static void invocation(JsonOutput json, ManifestScanResult result) throws IOException {
        json.startArray("invocations");
        json.startObject();
        json.bool("executionSuccessful", true);
        json.startArray("toolExecutionNotifications");
        for (ManifestIssue issue : result.undecided()) {
            notification(json, issue, "error");
        }
        for (ManifestIssue issue : result.errors()) {
            notification(json, issue, "error");
        }
        for (ManifestIssue issue : result.skipped()) {
            notification(json, issue, "note");
        }
        json.endArray();
        json.endObject();
        json.endArray();
    }

    private static void notification(JsonOutput json, ManifestIssue issue, String level) throws IOException {
        json.startObject();
        json.string("level", level);
        json.startObject("message");
        json.string("text", oneLine(issue.position() + ": " + issue.message()));
        json.endObject();
        json.startArray("locations");
        location(json, issue.file(), issue.line());
        json.endArray();
        json.endObject();
    }

    private static void location(JsonOutput json, String file, int line) throws IOException {
        json.startObject();
        json.startObject("physicalLocation");
        json.startObject("artifactLocation");
        json.string("uri", SarifReportWriter.artifactUri(Location.of(file)));
        json.endObject();
        json.startObject("region");
        // Code scanning requires a region; a whole-file problem points at its first line.
        json.number("startLine", Math.max(1, line));
        json.endObject();
        json.endObject();
        json.endObject();
    }

    private static void result(JsonOutput json, ManifestResource resource, ManifestFinding finding, int ruleIndex)
            throws IOException {
        json.startObject();
        json.string("ruleId", finding.ruleId());
        json.number("ruleIndex", ruleIndex);
        json.string("level", level(finding.severity()));
        json.startObject("message");
        json.string("text", oneLine(resource.describe() + ": " + finding.message()));
        json.endObject();
        json.startArray("locations");
        location(json, resource.file(), resource.line());
        json.endArray();
        json.startObject("partialFingerprints");
        json.string(FINGERPRINT, fingerprint(resource, finding));
        json.endObject();
        json.startObject("properties");
        json.string("severity", finding.severity().name());
        json.string("enforcement", finding.enforcement().toLowerCase(Locale.ROOT));
        json.string("policy", finding.policy());
        json.string("kind", resource.kind());
        json.string("namespace", resource.namespace());
        json.string("name", resource.name());
        json.number("document", resource.document());
        if (!resource.source().isEmpty()) {
            json.string("source", resource.source());
        }
        json.endObject();
        json.endObject();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, UNKNOWN -> "note";
        };
    }

    private static String oneLine(String text) {
        return TerminalText.clean(text);
    }

    static String fingerprint(ManifestResource resource, ManifestFinding finding) {
        String identity = String.join(
                "\n",
                resource.file(),
                resource.kind(),
                resource.namespace(),
                resource.name(),
                finding.ruleId(),
                finding.message());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
