package dev.assay.report;

import dev.assay.model.Component;
import dev.assay.model.Finding;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Rating;
import dev.assay.model.ScanResult;
import dev.assay.model.Severity;
import dev.assay.model.SuppressedFinding;
import dev.assay.model.Vulnerability;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run whose driver is Assay with one rule per
 * vulnerability id (sorted by id), and one result per finding, suppressed findings included with an accepted
 * external suppression that carries the VEX reason (code scanning then shows them as dismissed).
 *
 * <p>Choices code scanning depends on:
 *
 * <ul>
 *   <li>{@code level}: CRITICAL and HIGH are {@code error}, MEDIUM is {@code warning}, LOW and UNKNOWN are
 *       {@code note}. {@code properties.security-severity} on each rule is the CVSS base score that agrees
 *       with the rule's severity (the highest such), or a representative score of the label (CRITICAL 9.5,
 *       HIGH 8.0, MEDIUM 5.5, LOW 2.0; none for UNKNOWN, which code scanning then ranks by level).
 *   <li>Every result has one location, because code scanning rejects results without one: the first file
 *       the component was found in, as a relative URI with forward slashes and a region at line 1 (no line
 *       is known; code scanning requires a region). A path inside an archive ({@code app.jar!/lib/x.jar})
 *       points at the outer file, and an image layer is named in the message. A component with no known
 *       file (an SBOM given as input often has none) points at the scanned source's name, or at {@code
 *       sbom} when the result does not name its source.
 *   <li>{@code partialFingerprints.assayFinding/v1} is the SHA-256 of the vulnerability id and the purl, so
 *       an alert keeps its identity across runs whatever the message says.
 *   <li>Rule help comes as text and Markdown; untrusted text in Markdown is escaped, and only absolute
 *       http(s) references become links.
 * </ul>
 */
public final class SarifReportWriter implements ScanReportWriter {
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String INFORMATION_URI = "https://assay.dev";
    static final String FINGERPRINT = "assayFinding/v1";

    /** Semantic Versioning 2.0.0, the only form {@code semanticVersion} may take. */
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    /**
     * Characters that start Markdown or HTML constructs inside a line. Line-start markers ({@code #}, {@code
     * -}, {@code 1.}) are harmless because untrusted text never starts a line here.
     */
    private static final String MARKDOWN_SPECIALS = "\\`*_{}[]()<>!|~";

    private final ReportOptions options;

    public SarifReportWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return ScanReportFormats.SARIF;
    }

    @Override
    public String mediaType() {
        return "application/sarif+json";
    }

    /** A finding as a result: suppressed ones carry their VEX statement. */
    private record Entry(Finding finding, SuppressedFinding suppression) {}

    /** One rule: a vulnerability id with the findings of it, and the worst severity among them. */
    private record Rule(String id, Vulnerability vulnerability, Severity severity, List<Finding> findings) {}

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        List<Entry> entries = new ArrayList<>();
        result.findings().forEach(finding -> entries.add(new Entry(finding, null)));
        SeverityCounts.suppressedInOrder(result)
                .forEach(suppressed -> entries.add(new Entry(suppressed.finding(), suppressed)));
        List<Rule> rules = rules(entries);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (int index = 0; index < rules.size(); index++) {
            ruleIndex.put(rules.get(index).id(), index);
        }
        String fallbackUri = fallbackUri(result);

        JsonOutput json = JsonOutput.open(out);
        json.startObject();
        json.string("$schema", SCHEMA_URI);
        json.string("version", "2.1.0");
        json.startArray("runs");
        json.startObject();
        json.startObject("tool");
        json.startObject("driver");
        json.string("name", "Assay");
        json.string("informationUri", INFORMATION_URI);
        json.string("version", options.toolVersion());
        if (SEMVER.matcher(options.toolVersion()).matches()) {
            json.string("semanticVersion", options.toolVersion());
        }
        json.startArray("rules");
        for (Rule rule : rules) {
            rule(json, rule);
        }
        json.endArray();
        json.endObject();
        json.endObject();

        json.startArray("results");
        for (Entry entry : entries) {
            result(json, entry, ruleIndex.get(entry.finding().vulnerability().id()), fallbackUri);
        }
        json.endArray();

        json.startObject("properties");
        json.startObject("database");
        json.string("location", result.database().location());
        json.string("updatedAt", JsonOutput.seconds(result.database().updatedAt()));
        json.bool("snapshot", result.database().snapshot());
        json.number("advisories", result.database().advisories());
        json.endObject();
        json.endObject();
        json.endObject();
        json.endArray();
        json.endObject();
        json.finish(out);
    }

    private static List<Rule> rules(List<Entry> entries) {
        Map<String, List<Finding>> byId = new TreeMap<>();
        for (Entry entry : entries) {
            byId.computeIfAbsent(entry.finding().vulnerability().id(), ignored -> new ArrayList<>())
                    .add(entry.finding());
        }
        List<Rule> rules = new ArrayList<>();
        byId.forEach((id, findings) -> {
            List<Finding> ordered = findings.stream().sorted(ScanResult.ORDER).toList();
            Severity worst = ordered.getFirst().severity();
            rules.add(new Rule(id, ordered.getFirst().vulnerability(), worst, ordered));
        });
        return rules;
    }

    private static void rule(JsonOutput json, Rule rule) throws IOException {
        Vulnerability vulnerability = rule.vulnerability();
        String summary = oneLine(vulnerability.summary());
        json.startObject();
        json.string("id", rule.id());
        json.string("name", rule.id());
        json.startObject("shortDescription");
        json.string("text", summary.isEmpty() ? rule.id() : rule.id() + ": " + summary);
        json.endObject();
        json.startObject("fullDescription");
        json.string("text", fullDescription(rule));
        json.endObject();
        json.startObject("defaultConfiguration");
        json.string("level", level(rule.severity()));
        json.endObject();
        json.string("helpUri", helpUri(vulnerability));
        json.startObject("help");
        json.string("text", helpText(rule));
        json.string("markdown", helpMarkdown(rule));
        json.endObject();
        json.startObject("properties");
        Optional<String> securitySeverity = securitySeverity(rule);
        if (securitySeverity.isPresent()) {
            json.string("security-severity", securitySeverity.get());
        }
        json.strings("tags", List.copyOf(tags(rule)));
        json.endObject();
        json.endObject();
    }

    private static void result(JsonOutput json, Entry entry, int ruleIndex, String fallbackUri) throws IOException {
        Finding finding = entry.finding();
        Component component = finding.component();
        Optional<Location> location =
                JsonReportWriter.locations(component).stream().findFirst();
        json.startObject();
        json.string("ruleId", finding.vulnerability().id());
        json.number("ruleIndex", ruleIndex);
        json.string("level", level(finding.severity()));
        json.startObject("message");
        json.string("text", message(finding, location));
        json.endObject();
        json.startArray("locations");
        json.startObject();
        json.startObject("physicalLocation");
        json.startObject("artifactLocation");
        json.string("uri", location.map(SarifReportWriter::artifactUri).orElse(fallbackUri));
        json.endObject();
        json.startObject("region");
        json.number("startLine", 1);
        json.endObject();
        json.endObject();
        json.endObject();
        json.endArray();
        json.startObject("partialFingerprints");
        json.string(FINGERPRINT, fingerprint(finding));
        json.endObject();
        if (entry.suppression() != null) {
            json.startArray("suppressions");
            json.startObject();
            json.string("kind", "external");
            json.string("status", "accepted");
            json.string("justification", suppressionJustification(entry.suppression()));
            json.endObject();
            json.endArray();
        }
        json.startObject("properties");
        json.string("purl", component.purl().toString());
        json.string("installedVersion", PackageLabels.version(component));
        json.strings("fixedVersions", finding.fixedVersions());
        json.string("severity", finding.severity().name());
        json.bool("kev", finding.kev());
        if (finding.epss() != null) {
            json.number("epssProbability", finding.epss().probability());
            json.number("epssPercentile", finding.epss().percentile());
        }
        json.strings(
                "dependencyPath",
                finding.dependencyPath().stream().map(Purl::toString).toList());
        if (location.isPresent() && location.get().layerDigest() != null) {
            json.string("layer", location.get().layerDigest());
        }
        json.endObject();
        json.endObject();
    }

    // ---- text ----

    private static String message(Finding finding, Optional<Location> location) {
        Component component = finding.component();
        StringBuilder message = new StringBuilder();
        message.append(oneLine(PackageLabels.name(component)))
                .append(' ')
                .append(oneLine(PackageLabels.version(component)))
                .append(" is affected by ")
                .append(oneLine(finding.vulnerability().id()))
                .append(" (")
                .append(finding.severity().name())
                .append(").");
        message.append(
                finding.hasFix()
                        ? " Fixed in " + oneLine(String.join(", ", finding.fixedVersions())) + "."
                        : " No fix is available.");
        if (finding.kev()) {
            message.append(" Known to be exploited (CISA KEV).");
        }
        location.ifPresent(found -> {
            message.append(" Found in ").append(oneLine(found.path()));
            if (found.layerDigest() != null) {
                message.append(" in image layer ").append(oneLine(found.layerDigest()));
            }
            message.append('.');
        });
        if (finding.dependencyPath().size() > 1) {
            message.append(" Dependency path: ")
                    .append(oneLine(PackageLabels.dependencyPath(finding)))
                    .append('.');
        }
        return message.toString();
    }

    private static String fullDescription(Rule rule) {
        Vulnerability vulnerability = rule.vulnerability();
        String summary = oneLine(vulnerability.summary());
        StringBuilder text = new StringBuilder(summary.isEmpty() ? rule.id() : summary);
        if (!vulnerability.aliases().isEmpty()) {
            if (!summary.endsWith(".")) {
                text.append('.');
            }
            text.append(" Also known as ")
                    .append(oneLine(String.join(", ", vulnerability.aliases())))
                    .append('.');
        }
        return text.toString();
    }

    private static String helpText(Rule rule) {
        StringBuilder text = new StringBuilder(fullDescription(rule)).append("\n\n");
        for (Finding finding : rule.findings()) {
            text.append(oneLine(PackageLabels.name(finding.component())))
                    .append(' ')
                    .append(oneLine(PackageLabels.version(finding.component())))
                    .append(": ")
                    .append(
                            finding.hasFix()
                                    ? "fixed in " + oneLine(String.join(", ", finding.fixedVersions()))
                                    : "no fix available")
                    .append('\n');
        }
        List<String> links = links(rule.vulnerability());
        if (!links.isEmpty()) {
            text.append("\nReferences:\n");
            links.forEach(link -> text.append(link).append('\n'));
        }
        return text.toString().strip();
    }

    private static String helpMarkdown(Rule rule) {
        Vulnerability vulnerability = rule.vulnerability();
        StringBuilder markdown = new StringBuilder();
        markdown.append("**").append(markdown(rule.id())).append("**");
        String summary = oneLine(vulnerability.summary());
        if (!summary.isEmpty()) {
            markdown.append(": ").append(markdown(summary));
        }
        markdown.append("\n\n| Package | Installed | Fixed in |\n| --- | --- | --- |\n");
        for (Finding finding : rule.findings()) {
            markdown.append("| ")
                    .append(markdown(PackageLabels.name(finding.component())))
                    .append(" | ")
                    .append(markdown(PackageLabels.version(finding.component())))
                    .append(" | ")
                    .append(markdown(PackageLabels.fixedVersions(finding)))
                    .append(" |\n");
        }
        if (!vulnerability.aliases().isEmpty()) {
            markdown.append("\nAliases: ")
                    .append(vulnerability.aliases().stream()
                            .map(SarifReportWriter::markdown)
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        List<String> links = links(vulnerability);
        if (!links.isEmpty()) {
            markdown.append("\nReferences:\n");
            // Autolinks: a URI that parsed has no spaces, quotes or angle brackets to break out of <...>.
            links.forEach(link -> markdown.append("- <").append(link).append(">\n"));
        }
        return markdown.toString().strip();
    }

    /** Backslash-escapes every Markdown punctuation character, so advisory text stays text. */
    static String markdown(String text) {
        String line = oneLine(text);
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int index = 0; index < line.length(); index++) {
            char current = line.charAt(index);
            if (MARKDOWN_SPECIALS.indexOf(current) >= 0) {
                escaped.append('\\');
            }
            escaped.append(current);
        }
        return escaped.toString();
    }

    /** SARIF messages are shown in web UIs: no control characters or line breaks from the data. */
    private static String oneLine(String text) {
        return TerminalText.clean(text);
    }

    private static List<String> links(Vulnerability vulnerability) {
        LinkedHashSet<String> links = new LinkedHashSet<>();
        for (String reference : vulnerability.references()) {
            AdvisorySources.webLink(reference).ifPresent(links::add);
        }
        return List.copyOf(links);
    }

    private static String helpUri(Vulnerability vulnerability) {
        List<String> links = links(vulnerability);
        return links.isEmpty() ? AdvisorySources.osvUrl(vulnerability.id()) : links.getFirst();
    }

    private static String suppressionJustification(SuppressedFinding suppressed) {
        StringBuilder text =
                new StringBuilder("VEX: ").append(suppressed.status().openVexName());
        if (!suppressed.justification().isEmpty()) {
            text.append(" (").append(oneLine(suppressed.justification())).append(')');
        }
        if (!suppressed.statement().isEmpty()) {
            text.append(": ").append(oneLine(suppressed.statement()));
        }
        if (!suppressed.vexSource().isEmpty()) {
            text.append(" [").append(oneLine(suppressed.vexSource())).append(']');
        }
        return text.toString();
    }

    // ---- severity ----

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, UNKNOWN -> "note";
        };
    }

    /**
     * The highest CVSS base score that falls in the rule's severity band, or the label's representative;
     * a score from another band would contradict the level shown next to it.
     */
    private static Optional<String> securitySeverity(Rule rule) {
        double best = Double.NaN;
        for (Rating rating : rule.vulnerability().ratings()) {
            if (rating.hasScore()
                    && !Rating.DATABASE.equals(rating.method())
                    && Severity.fromScore(rating.score()) == rule.severity()
                    && (Double.isNaN(best) || rating.score() > best)) {
                best = rating.score();
            }
        }
        if (Double.isNaN(best)) {
            best = switch (rule.severity()) {
                case CRITICAL -> 9.5;
                case HIGH -> 8.0;
                case MEDIUM -> 5.5;
                case LOW -> 2.0;
                case UNKNOWN -> Double.NaN;
            };
        }
        return Double.isNaN(best) ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%.1f", best));
    }

    private static Set<String> tags(Rule rule) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        tags.add("security");
        tags.add("vulnerability");
        tags.add(rule.severity().name().toLowerCase(Locale.ROOT));
        TreeSet<String> ecosystems = new TreeSet<>();
        for (Finding finding : rule.findings()) {
            ecosystems.add(finding.component().purl().type());
        }
        tags.addAll(ecosystems);
        if (rule.findings().stream().anyMatch(Finding::kev)) {
            tags.add("known-exploited");
        }
        return tags;
    }

    // ---- locations ----

    /**
     * A relative URI reference for a location path: forward slashes, no leading slash, the outer file of a
     * nested archive path, and every character outside the unreserved set and {@code /} percent-encoded
     * (a {@code :} in the first segment would otherwise read as a URI scheme).
     */
    static String artifactUri(Location location) {
        String path = location.path().replace('\\', '/');
        int nested = path.indexOf("!/");
        if (nested >= 0) {
            path = path.substring(0, nested);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path.isEmpty() ? "." : encodePath(path);
    }

    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder(path.length());
        for (byte octet : path.getBytes(StandardCharsets.UTF_8)) {
            int value = octet & 0xff;
            boolean unreserved = (value >= 'a' && value <= 'z')
                    || (value >= 'A' && value <= 'Z')
                    || (value >= '0' && value <= '9')
                    || value == '-'
                    || value == '.'
                    || value == '_'
                    || value == '~'
                    || value == '/';
            if (unreserved) {
                encoded.append((char) value);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) value));
            }
        }
        return encoded.toString();
    }

    private static String fallbackUri(ScanResult result) {
        Component subject = result.sbom().metadata() == null
                ? null
                : result.sbom().metadata().subject();
        String name = subject == null ? "" : subject.name();
        return name.isBlank() ? "sbom" : artifactUri(Location.of(name));
    }

    static String fingerprint(Finding finding) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(
                    (finding.vulnerability().id() + "\n" + finding.component().purl())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
