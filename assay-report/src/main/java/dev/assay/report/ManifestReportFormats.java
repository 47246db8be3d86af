package dev.assay.report;

import dev.assay.model.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Every format {@code assay scan k8s} writes, by id; the first is the default. */
public final class ManifestReportFormats {
    public static final String TABLE = "table";
    public static final String JSON = "json";
    public static final String SARIF = "sarif";

    private record Entry(String id, Function<ReportOptions, ManifestReportWriter> factory) {}

    private static final List<Entry> FORMATS = List.of(
            new Entry(TABLE, ManifestTableWriter::new),
            new Entry(JSON, ManifestJsonWriter::new),
            new Entry(SARIF, ManifestSarifWriter::new));

    private ManifestReportFormats() {}

    public static List<String> ids() {
        return FORMATS.stream().map(Entry::id).toList();
    }

    /**
     * The writer of format {@code id} (case-insensitive).
     *
     * @throws InvalidInputException when no format has that id (exit code 2)
     */
    public static ManifestReportWriter writer(String id, ReportOptions options) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return FORMATS.stream()
                .filter(entry -> entry.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown report format '" + id + "' for scan k8s; expected one of " + String.join(", ", ids()),
                        id))
                .factory()
                .apply(options);
    }
}
