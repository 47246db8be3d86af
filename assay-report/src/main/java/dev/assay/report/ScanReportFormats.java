package dev.assay.report;

import dev.assay.model.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every report format Assay writes, by the id {@code assay scan --format} takes. The one table the CLI,
 * the server and the tests enumerate: a format missing here does not exist.
 */
public final class ScanReportFormats {
    public static final String TABLE = "table";
    public static final String JSON = "json";
    public static final String SARIF = "sarif";
    public static final String CYCLONEDX_VDR = "cyclonedx-vdr";

    private record Entry(String id, String description, Function<ReportOptions, ScanReportWriter> factory) {}

    private static final List<Entry> FORMATS = List.of(
            new Entry(TABLE, "findings grouped by severity, for people", TableReportWriter::new),
            new Entry(JSON, "Assay's JSON report, a stable contract for tools", JsonReportWriter::new),
            new Entry(SARIF, "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers", SarifReportWriter::new),
            new Entry(
                    CYCLONEDX_VDR,
                    "CycloneDX 1.6 JSON vulnerability disclosure report (components and vulnerabilities)",
                    CycloneDxVdrWriter::new));

    private ScanReportFormats() {}

    /** The format ids in the order help texts list them; the first is the default. */
    public static List<String> ids() {
        return FORMATS.stream().map(Entry::id).toList();
    }

    /** A one-line description of a format, for {@code --help}. */
    public static String description(String id) {
        return entry(id).description();
    }

    /**
     * The writer of the format {@code id} (case-insensitive).
     *
     * @throws InvalidInputException when no format has that id (exit code 2)
     */
    public static ScanReportWriter writer(String id, ReportOptions options) {
        return entry(id).factory().apply(options);
    }

    private static Entry entry(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return FORMATS.stream()
                .filter(entry -> entry.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown report format '" + id + "'; expected one of " + String.join(", ", ids()), id));
    }
}
