package dev.assay.report;

import dev.assay.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest-scan report for people: one block per object with findings, in file order, headed by where it
 * is ({@code deploy/app.yaml:14}), what it is and, for rendered output, the template it came from; under it
 * each finding worst first, its severity, rule, policy and admission effect, and the message wrapped to the
 * terminal width. Then the documents that could not be judged, the documents left out, and a closing summary
 * line. Objects without findings are only counted.
 *
 * <p>Everything taken from manifests passes {@link TerminalText#clean}: a name or message cannot inject
 * escape sequences or forge lines.
 */
public final class ManifestTableWriter implements ManifestReportWriter {
    private static final String INDENT = "  ";
    private static final int SEVERITY_WIDTH = 8;
    private static final String MESSAGE_INDENT = INDENT + " ".repeat(SEVERITY_WIDTH) + "  ";
    private static final String RESET = "\u001B[0m";

    private final ReportOptions options;

    public ManifestTableWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return ManifestReportFormats.TABLE;
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public void write(ManifestScanResult result, OutputStream out) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Assay " + TerminalText.clean(options.toolVersion()) + " Kubernetes manifest scan");
        lines.add("Policies: " + TerminalText.clean(String.join(", ", result.policies())));
        for (ManifestResource resource : result.resources()) {
            if (!resource.findings().isEmpty()) {
                lines.add("");
                resource(resource, lines);
            }
        }
        if (result.resourcesWithFindings() == 0) {
            lines.add("");
            lines.add("No findings.");
        }
        issues("Could not be judged", result.undecided(), lines);
        issues("Errors", result.errors(), lines);
        issues("Skipped", result.skipped(), lines);
        lines.add("");
        lines.add(summary(result));

        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : lines) {
            writer.write(line.stripTrailing());
            writer.write('\n');
        }
        writer.flush();
    }

    private void resource(ManifestResource resource, List<String> lines) {
        StringBuilder heading = new StringBuilder(TerminalText.clean(resource.position()));
        if (resource.item() > 0) {
            heading.append(" (item ").append(resource.item()).append(')');
        }
        heading.append("  ").append(TerminalText.clean(resource.describe()));
        if (!resource.source().isEmpty()) {
            heading.append("  from ").append(TerminalText.clean(resource.source()));
        }
        lines.add(TerminalText.fit(heading.toString(), options.width()));
        for (ManifestFinding finding : resource.findings()) {
            String severity = TerminalText.pad(finding.severity().name(), SEVERITY_WIDTH);
            lines.add(INDENT
                    + colored(severity, finding.severity())
                    + "  "
                    + TerminalText.clean(finding.rule())
                    + "  ("
                    + TerminalText.clean(finding.policy())
                    + ", "
                    + TerminalText.clean(finding.enforcement().toLowerCase(Locale.ROOT))
                    + ")");
            for (String line : wrap(TerminalText.clean(finding.message()), options.width() - MESSAGE_INDENT.length())) {
                lines.add(MESSAGE_INDENT + line);
            }
        }
    }

    private void issues(String title, List<ManifestIssue> issues, List<String> lines) {
        if (issues.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(title + " (" + issues.size() + ")");
        for (ManifestIssue issue : issues) {
            String text = TerminalText.clean(issue.position()) + ": " + TerminalText.clean(issue.message());
            List<String> wrapped = wrap(text, options.width() - INDENT.length() * 2);
            lines.add(INDENT + wrapped.getFirst());
            wrapped.stream().skip(1).forEach(line -> lines.add(INDENT + INDENT + line));
        }
    }

    private static String summary(ManifestScanResult result) {
        Map<Severity, Integer> counts = result.countsBySeverity();
        List<String> bySeverity = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            if (severity != Severity.UNKNOWN || counts.get(severity) > 0) {
                bySeverity.add(counts.get(severity) + " " + severity.name().toLowerCase(Locale.ROOT));
            }
        }
        int findings = result.findings().size();
        StringBuilder summary = new StringBuilder()
                .append(result.resources().size())
                .append(result.resources().size() == 1 ? " object in " : " objects in ")
                .append(result.files())
                .append(result.files() == 1 ? " file, " : " files, ")
                .append(result.resourcesWithFindings())
                .append(" with findings; ")
                .append(findings)
                .append(findings == 1 ? " finding: " : " findings: ")
                .append(String.join(", ", bySeverity));
        if (!result.errors().isEmpty()) {
            summary.append("; ")
                    .append(result.errors().size())
                    .append(result.errors().size() == 1 ? " error" : " errors");
        }
        if (!result.skipped().isEmpty()) {
            summary.append("; ").append(result.skipped().size()).append(" skipped");
        }
        if (!result.undecided().isEmpty()) {
            summary.append("; ").append(result.undecided().size()).append(" without a verdict");
        }
        return summary.toString();
    }

    /** Words to lines of at most {@code width} columns; a word longer than a line is cut over several. */
    static List<String> wrap(String text, int width) {
        int room = Math.max(20, width);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String rest = word;
            while (TerminalText.width(rest) > room) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = rest.offsetByCodePoints(0, room);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            if (!line.isEmpty() && TerminalText.width(line.toString()) + 1 + TerminalText.width(rest) > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private String colored(String text, Severity severity) {
        if (!options.color()) {
            return text;
        }
        String code = switch (severity) {
            case CRITICAL -> "\u001B[1;31m";
            case HIGH -> "\u001B[31m";
            case MEDIUM -> "\u001B[33m";
            case LOW -> "\u001B[36m";
            case UNKNOWN -> "\u001B[2m";
        };
        return code + text + RESET;
    }
}
