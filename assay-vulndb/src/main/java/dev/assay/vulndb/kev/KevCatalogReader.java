package dev.assay.vulndb.kev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.KevEntry;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads CISA's KEV catalog in either published form: {@code known_exploited_vulnerabilities.json} or
 * {@code .csv}. Rows without a well-formed CVE id are counted and skipped; unreadable dates become null.
 */
public final class KevCatalogReader {
    /** The catalog is ~1.5 MB; anything near this is not CISA's file. */
    public static final long MAX_BYTES = 64L << 20;

    private static final Pattern CVE_ID = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,}");

    private KevCatalogReader() {}

    public static KevCatalog read(Path file) throws IOException {
        byte[] content;
        try (InputStream input = Files.newInputStream(file)) {
            content = BoundedInput.readAll(input, MAX_BYTES, file.toString());
        }
        return read(content, file.toString());
    }

    /** JSON when the content starts with <code>{</code>, CSV otherwise. */
    public static KevCatalog read(byte[] content, String name) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.stripLeading().startsWith("{") ? readJson(content, name) : readCsv(text, name);
    }

    /** Whether a parsed JSON document is a KEV catalog. */
    public static boolean isKevJson(JsonNode root) {
        return root.isObject() && root.path("vulnerabilities").isArray() && root.has("catalogVersion");
    }

    /** Whether the first line of a CSV is the KEV header. */
    public static boolean isKevCsvHeader(String firstLine) {
        return firstLine.replace("\uFEFF", "").strip().startsWith("cveID,");
    }

    static KevCatalog readJson(byte[] content, String name) {
        JsonNode root = SafeJson.read(content, name);
        if (!isKevJson(root)) {
            throw new UnableToParseException(
                    name + " is not a CISA KEV catalog (no catalogVersion/vulnerabilities)", name);
        }
        Map<String, KevEntry> entries = new LinkedHashMap<>();
        int skipped = 0;
        for (JsonNode vulnerability : root.path("vulnerabilities")) {
            KevEntry entry = entry(
                    text(vulnerability, "cveID"),
                    text(vulnerability, "vendorProject"),
                    text(vulnerability, "product"),
                    text(vulnerability, "dateAdded"),
                    text(vulnerability, "dueDate"),
                    text(vulnerability, "knownRansomwareCampaignUse"));
            if (entry == null) {
                skipped++;
            } else {
                entries.putIfAbsent(entry.cveId(), entry);
            }
        }
        return new KevCatalog(
                text(root, "catalogVersion"), text(root, "dateReleased"), new ArrayList<>(entries.values()), skipped);
    }

    static KevCatalog readCsv(String text, String name) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty() || !isKevCsvHeader(String.join(",", rows.get(0)))) {
            throw new UnableToParseException(name + " is not a CISA KEV catalog (no cveID header)", name);
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        Map<String, KevEntry> entries = new LinkedHashMap<>();
        int skipped = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            KevEntry entry = entry(
                    column(header, row, "cveID"),
                    column(header, row, "vendorProject"),
                    column(header, row, "product"),
                    column(header, row, "dateAdded"),
                    column(header, row, "dueDate"),
                    column(header, row, "knownRansomwareCampaignUse"));
            if (entry == null) {
                skipped++;
            } else {
                entries.putIfAbsent(entry.cveId(), entry);
            }
        }
        return new KevCatalog("", "", new ArrayList<>(entries.values()), skipped);
    }

    private static KevEntry entry(
            String cveId, String vendor, String product, String dateAdded, String dueDate, String ransomware) {
        String id = cveId.strip().toUpperCase(Locale.ROOT);
        if (!CVE_ID.matcher(id).matches()) {
            return null;
        }
        return new KevEntry(
                id,
                vendor.strip(),
                product.strip(),
                date(dateAdded),
                date(dueDate),
                "known".equalsIgnoreCase(ransomware.strip()));
    }

    private static LocalDate date(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String column(List<String> header, List<String> row, String name) {
        int index = header.indexOf(name);
        return index >= 0 && index < row.size() ? row.get(index) : "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
