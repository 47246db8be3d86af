package dev.assay.vulndb.epss;

import dev.assay.model.EpssScore;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.BoundedInput;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads FIRST's daily EPSS file, {@code epss_scores-YYYY-MM-DD.csv} or its {@code .csv.gz}:
 *
 * <pre>
 * #model_version:v2025.03.14,score_date:2025-08-25T00:00:00+0000
 * cve,epss,percentile
 * CVE-1999-0001,0.0123,0.456
 * </pre>
 *
 * Compression is recognized by content, not by name. The expanded text is bounded.
 */
public final class EpssCsvReader {
    /** The real file is ~10 MB expanded for ~300,000 CVEs. */
    public static final long MAX_EXPANDED_BYTES = 512L << 20;

    private static final Pattern CVE_ID = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,}");

    private EpssCsvReader() {}

    public static EpssFile read(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, file.toString());
        }
    }

    public static EpssFile read(InputStream raw, String name) throws IOException {
        return read(raw, name, MAX_EXPANDED_BYTES);
    }

    /** As {@link #read(InputStream, String)} with a bound on the expanded text. */
    public static EpssFile read(InputStream raw, String name, long maxExpandedBytes) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream plain = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        InputStream bounded = BoundedInput.limited(plain, maxExpandedBytes, name);
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                bounded,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        return parse(reader, name);
    }

    /** Whether a first line is EPSS's: the model comment or the {@code cve,epss} header. */
    public static boolean looksLikeEpss(String firstLine) {
        String line = firstLine.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        return line.startsWith("#model_version") || line.startsWith("cve,epss");
    }

    private static EpssFile parse(BufferedReader reader, String name) throws IOException {
        Map<String, String> model = Map.of();
        String line = reader.readLine();
        if (line != null && line.replace("\uFEFF", "").startsWith("#")) {
            model = comment(line.replace("\uFEFF", "").substring(1));
            line = reader.readLine();
        }
        if (line == null) {
            throw new UnableToParseException(name + " has no EPSS header line", name);
        }
        List<String> header = List.of(
                line.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).split(",", -1));
        int cveColumn = header.indexOf("cve");
        int epssColumn = header.indexOf("epss");
        int percentileColumn = header.indexOf("percentile");
        if (cveColumn < 0 || epssColumn < 0) {
            throw new UnableToParseException(name + " is not an EPSS file (no cve,epss header)", name);
        }
        List<EpssScore> scores = new ArrayList<>();
        int skipped = 0;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            EpssScore score = row(line.split(",", -1), cveColumn, epssColumn, percentileColumn);
            if (score == null) {
                skipped++;
            } else {
                scores.add(score);
            }
        }
        return new EpssFile(
                model.getOrDefault("model_version", ""), model.getOrDefault("score_date", ""), scores, skipped);
    }

    private static EpssScore row(String[] fields, int cveColumn, int epssColumn, int percentileColumn) {
        if (fields.length <= Math.max(cveColumn, Math.max(epssColumn, percentileColumn))) {
            return null;
        }
        String cve = fields[cveColumn].strip().toUpperCase(Locale.ROOT);
        if (!CVE_ID.matcher(cve).matches()) {
            return null;
        }
        try {
            double probability = Double.parseDouble(fields[epssColumn].strip());
            double percentile =
                    percentileColumn < 0 ? Double.NaN : Double.parseDouble(fields[percentileColumn].strip());
            if (!(probability >= 0 && probability <= 1) || percentile < 0 || percentile > 1) {
                return null;
            }
            return new EpssScore(cve, probability, percentile);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code model_version:v2025.03.14,score_date:2025-08-25T00:00:00+0000} as a map. */
    private static Map<String, String> comment(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                values.put(
                        pair.substring(0, colon).strip(),
                        pair.substring(colon + 1).strip());
            }
        }
        return values;
    }
}
