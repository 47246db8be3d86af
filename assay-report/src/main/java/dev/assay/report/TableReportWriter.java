package dev.assay.report;

import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.Component;
import dev.assay.model.EpssScore;
import dev.assay.model.Finding;
import dev.assay.model.ScanResult;
import dev.assay.model.Severity;
import dev.assay.model.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The report for people at a terminal: a header saying which database the verdict rests on (and how old it
 * is), the findings grouped by severity with the worst first, one line each, the findings VEX set aside with
 * the reason, and a closing summary line (the line CI logs show last).
 *
 * <p>Columns are sized to their content and shrunk, widest first, until the line fits the terminal width
 * (120 columns by default); a cut value ends in an ellipsis, and a long dependency path keeps its first and
 * last package. The KEV and EPSS columns appear only when some finding has a value for them. Every value
 * from the data passes {@link TerminalText#clean}, so advisory or SBOM text cannot inject escape sequences or
 * extra lines; colour codes, when enabled, come only from this class.
 */
public final class TableReportWriter implements ScanReportWriter {
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String INDENT = "  ";
    private static final int LABEL_WIDTH = 11;
    private static final String GAP = "  ";
    private static final String RESET = "\u001B[0m";
    private static final String BOLD_RED = "\u001B[1;31m";

    private final ReportOptions options;

    public TableReportWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return ScanReportFormats.TABLE;
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        List<String> lines = new ArrayList<>();
        header(result, lines);
        findings(result, lines);
        suppressed(result, lines);
        lines.add("");
        lines.add(summary(SeverityCounts.of(result)));

        // Not closed: closing the writer would close the caller's stream.
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : lines) {
            writer.write(line.stripTrailing());
            writer.write('\n');
        }
        writer.flush();
    }

    private void header(ScanResult result, List<String> lines) {
        lines.add("Assay " + TerminalText.clean(options.toolVersion()) + " vulnerability report");
        Component subject = result.sbom().metadata() == null
                ? null
                : result.sbom().metadata().subject();
        if (subject != null) {
            String source = TerminalText.clean(subject.name());
            String version = TerminalText.clean(subject.version());
            if (!version.isEmpty()) {
                source += " " + version;
            }
            lines.add(label("Source") + TerminalText.fit(source, options.width() - LABEL_WIDTH));
        }
        AdvisoryDatabaseSummary database = result.database();
        String kind =
                database.snapshot() ? "snapshot bundled with Assay (may miss recent advisories)" : "full database";
        String details =
                ", " + kind + ", " + database.advisories() + (database.advisories() == 1 ? " advisory" : " advisories");
        // A long database path is cut, never the facts after it.
        String location = TerminalText.clean(database.location());
        int room = Math.max(20, options.width() - LABEL_WIDTH - TerminalText.width(details));
        lines.add(label("Database") + TerminalText.fitStart(location, room) + details);
        lines.add(label("Updated")
                + MINUTES.format(database.updatedAt())
                + " ("
                + age(database.updatedAt(), options.clock().instant())
                + ")");
        int components = result.sbom().components().size();
        int unknowns = result.sbom().unknowns().size();
        String inventory = components + (components == 1 ? " component" : " components");
        if (unknowns > 0) {
            inventory += "; "
                    + unknowns
                    + (unknowns == 1 ? " input" : " inputs")
                    + " could not be read, so findings may be missing (the JSON report lists them)";
        }
        lines.add(label("Inventory") + inventory);
    }

    private static String label(String name) {
        return TerminalText.pad(name + ":", LABEL_WIDTH);
    }

    /** How long ago {@code then} was, in the largest unit that is at least 1. */
    static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return "in the future: check the clock";
        }
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toHours() < 48) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return plural(age.toDays(), "day") + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private void findings(ScanResult result, List<String> lines) {
        lines.add("");
        if (result.findings().isEmpty()) {
            lines.add("No vulnerabilities found.");
            return;
        }
        boolean anyKev = result.findings().stream().anyMatch(Finding::kev);
        boolean anyEpss = result.findings().stream().anyMatch(finding -> finding.epss() != null);
        List<Column<Finding>> columns = new ArrayList<>();
        columns.add(new Column<>(
                "ID", 14, Shrink.END, finding -> finding.vulnerability().id()));
        columns.add(new Column<>("PACKAGE", 12, Shrink.START, finding -> PackageLabels.name(finding.component())));
        columns.add(new Column<>("INSTALLED", 9, Shrink.END, finding -> PackageLabels.version(finding.component())));
        columns.add(new Column<>("FIXED IN", 8, Shrink.END, PackageLabels::fixedVersions));
        if (anyKev) {
            columns.add(new Column<>("KEV", 3, Shrink.END, finding -> finding.kev() ? "KEV" : ""));
        }
        if (anyEpss) {
            columns.add(new Column<>("EPSS", 11, Shrink.END, finding -> epss(finding.epss())));
        }
        columns.add(new Column<>("PATH", 8, Shrink.PATH, finding -> {
            String path = PackageLabels.dependencyPath(finding);
            return path.isEmpty() ? "-" : path;
        }));
        int[] widths = widths(columns, result.findings());

        for (Severity severity : Severity.values()) {
            List<Finding> group = result.findings().stream()
                    .filter(finding -> finding.severity() == severity)
                    .toList();
            if (group.isEmpty()) {
                continue;
            }
            if (!lines.getLast().isEmpty()) {
                lines.add("");
            }
            lines.add(colored(severity.name() + " (" + group.size() + ")", severityColor(severity)));
            lines.add(headerRow(columns, widths));
            for (Finding finding : group) {
                lines.add(row(columns, widths, finding, (column, text) -> switch (column.header()) {
                    case "ID" -> colored(text, severityColor(severity));
                    case "KEV" -> colored(text, BOLD_RED);
                    default -> text;
                }));
            }
        }
    }

    private void suppressed(ScanResult result, List<String> lines) {
        List<SuppressedFinding> suppressed = SeverityCounts.suppressedInOrder(result);
        if (suppressed.isEmpty()) {
            return;
        }
        List<Column<SuppressedFinding>> columns = List.of(
                new Column<>(
                        "ID",
                        14,
                        Shrink.END,
                        entry -> entry.finding().vulnerability().id()),
                new Column<>(
                        "PACKAGE",
                        12,
                        Shrink.START,
                        entry -> PackageLabels.name(entry.finding().component())),
                new Column<>(
                        "INSTALLED",
                        9,
                        Shrink.END,
                        entry -> PackageLabels.version(entry.finding().component())),
                new Column<>(
                        "SEVERITY",
                        8,
                        Shrink.END,
                        entry -> entry.finding().severity().name()),
                new Column<>("STATUS", 6, Shrink.END, entry -> entry.status().openVexName()));
        int[] widths = widths(columns, suppressed);
        lines.add("");
        lines.add("Suppressed by VEX (" + suppressed.size() + ")");
        lines.add(headerRow(columns, widths));
        for (SuppressedFinding entry : suppressed) {
            lines.add(row(columns, widths, entry, (column, text) -> text));
            String indent = INDENT + INDENT + INDENT;
            for (String detail : vexDetails(entry)) {
                lines.add(indent + TerminalText.fit(detail, options.width() - indent.length()));
            }
        }
    }

    /** The VEX justification, statement and document, one line each when present. */
    private static List<String> vexDetails(SuppressedFinding entry) {
        List<String> details = new ArrayList<>(3);
        String justification = TerminalText.clean(entry.justification());
        if (!justification.isEmpty()) {
            details.add("justification: " + justification);
        }
        String statement = TerminalText.clean(entry.statement());
        if (!statement.isEmpty()) {
            details.add("statement: " + statement);
        }
        String source = TerminalText.clean(entry.vexSource());
        if (!source.isEmpty()) {
            details.add("source: " + source);
        }
        return details;
    }

    private static String summary(SeverityCounts counts) {
        List<String> bySeverity = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            bySeverity.add(counts.count(severity) + " " + severity.name().toLowerCase(Locale.ROOT));
        }
        return counts.total()
                + (counts.total() == 1 ? " vulnerability: " : " vulnerabilities: ")
                + String.join(", ", bySeverity)
                + "; "
                + counts.knownExploited()
                + " in KEV, "
                + counts.fixable()
                + " fixable, "
                + counts.suppressed()
                + " suppressed by VEX";
    }

    private static String epss(EpssScore epss) {
        if (epss == null) {
            return "";
        }
        long percentile = (long) Math.floor(epss.percentile() * 100);
        return String.format(Locale.ROOT, "%.1f%% p%d", epss.probability() * 100, percentile);
    }

    // ---- layout ----

    /** How a cell that does not fit is shortened. */
    private enum Shrink {
        /** Cut the end. */
        END,
        /** A package name: Maven groups abbreviated first ({@code o.a.l.log4j:log4j-core}), then the start cut. */
        START,
        /** Keep the first and last package of an {@code a > b > c} path. */
        PATH
    }

    private record Column<T>(String header, int minimumWidth, Shrink shrink, Function<T, String> value) {
        String cell(T row) {
            return TerminalText.clean(value.apply(row));
        }
    }

    @FunctionalInterface
    private interface Decoration {
        String apply(Column<?> column, String text);
    }

    /**
     * Natural widths (the longest cell or header), then one column at a time loses a character, always the
     * widest one still above its minimum, until the row fits the terminal.
     */
    private <T> int[] widths(List<Column<T>> columns, List<T> rows) {
        int[] widths = new int[columns.size()];
        for (int index = 0; index < columns.size(); index++) {
            Column<T> column = columns.get(index);
            int width = TerminalText.width(column.header());
            for (T row : rows) {
                width = Math.max(width, TerminalText.width(column.cell(row)));
            }
            widths[index] = width;
        }
        int available = options.width() - INDENT.length() - GAP.length() * (columns.size() - 1);
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        while (total > available) {
            int widest = -1;
            for (int index = 0; index < widths.length; index++) {
                int minimum = Math.max(
                        columns.get(index).minimumWidth(),
                        TerminalText.width(columns.get(index).header()));
                if (widths[index] > minimum && (widest < 0 || widths[index] > widths[widest])) {
                    widest = index;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static <T> String headerRow(List<Column<T>> columns, int[] widths) {
        StringBuilder row = new StringBuilder(INDENT);
        for (int index = 0; index < columns.size(); index++) {
            if (index > 0) {
                row.append(GAP);
            }
            row.append(TerminalText.pad(columns.get(index).header(), widths[index]));
        }
        return row.toString();
    }

    private <T> String row(List<Column<T>> columns, int[] widths, T value, Decoration decoration) {
        StringBuilder row = new StringBuilder(INDENT);
        for (int index = 0; index < columns.size(); index++) {
            Column<T> column = columns.get(index);
            if (index > 0) {
                row.append(GAP);
            }
            String cell = column.cell(value);
            String shortened = switch (column.shrink()) {
                case END -> TerminalText.fit(cell, widths[index]);
                case START -> PackageLabels.shorten(cell, widths[index]);
                case PATH -> shortenPath(cell, widths[index]);
            };
            // Padding is computed on the plain text; colour codes take no columns.
            String padding = " ".repeat(Math.max(0, widths[index] - TerminalText.width(shortened)));
            row.append(shortened.isEmpty() ? "" : decoration.apply(column, shortened))
                    .append(padding);
        }
        return row.toString();
    }

    static String shortenPath(String path, int width) {
        if (TerminalText.width(path) <= width) {
            return path;
        }
        String separator = " > ";
        int first = path.indexOf(separator);
        int last = path.lastIndexOf(separator);
        if (first >= 0 && last > first) {
            String ends = path.substring(0, first)
                    + separator
                    + TerminalText.ELLIPSIS
                    + separator
                    + path.substring(last + separator.length());
            if (TerminalText.width(ends) <= width) {
                return ends;
            }
        }
        return TerminalText.fit(path, width);
    }

    private String colored(String text, String code) {
        return options.color() && !text.isEmpty() ? code + text + RESET : text;
    }

    private static String severityColor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> BOLD_RED;
            case HIGH -> "\u001B[31m";
            case MEDIUM -> "\u001B[33m";
            case LOW -> "\u001B[36m";
            case UNKNOWN -> "\u001B[2m";
        };
    }
}
