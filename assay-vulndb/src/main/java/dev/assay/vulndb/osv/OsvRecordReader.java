package dev.assay.vulndb.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.vulndb.PackageNames;
import dev.assay.vulndb.cvss.Cvss;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one OSV record (schema 1.x) from JSON or YAML into an {@link Advisory}, scoring CVSS vectors on
 * the way so that nothing downstream parses a vector again.
 *
 * <p>It is lenient where real databases are sloppy and strict only where an advisory would be useless:
 * a record without an {@code id} fails (that one record), while a missing or malformed {@code modified},
 * an unknown range type, an event with a number for a version, an {@code affected[]} entry without a
 * package, or an unscorable vector cost only that detail. Go's vulndb writes the zero time
 * {@code 0001-01-01T00:00:00Z} for "not set"; it is read as absent.
 */
public final class OsvRecordReader {
    /** Go's zero {@code time.Time}, which its OSV export writes for an unset {@code modified}. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** Fields of the OSV schema; a document with an {@code id} and one of these is taken as a record. */
    private static final Set<String> OSV_FIELDS = Set.of(
            "modified",
            "published",
            "withdrawn",
            "aliases",
            "related",
            "upstream",
            "summary",
            "details",
            "affected",
            "severity",
            "references",
            "schema_version",
            "database_specific",
            "credits");

    /** How a document is encoded. */
    public enum Format {
        JSON,
        YAML;

        /** By file name: {@code .yaml} and {@code .yml} are YAML, {@code .json} is JSON, anything else empty. */
        public static java.util.Optional<Format> ofFileName(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                return java.util.Optional.of(JSON);
            }
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                return java.util.Optional.of(YAML);
            }
            return java.util.Optional.empty();
        }
    }

    private OsvRecordReader() {}

    /**
     * @param location where the document was read, for messages
     * @param source the {@link Advisory#source()} to record; null derives {@code osv:<ecosystem>} from the
     *     record's first affected package
     * @throws UnableToParseException the document is not valid JSON/YAML or not valid UTF-8
     * @throws InvalidOsvRecordException the document is an OSV record that cannot be used
     */
    public static OsvDocument read(byte[] content, Format format, String location, String source) {
        JsonNode root = switch (format) {
            case JSON -> SafeJson.read(content, location);
            case YAML -> yamlTree(content, location);
        };
        return read(root, location, source);
    }

    /** Converts an already parsed document. */
    public static OsvDocument read(JsonNode root, String location, String source) {
        if (root == null || !root.isObject()) {
            return new OsvDocument.NotOsv("the top level is not an object");
        }
        JsonNode idNode = root.get("id");
        boolean hasTextId = idNode != null && idNode.isTextual();
        boolean hasOsvField = false;
        for (String field : OSV_FIELDS) {
            if (root.has(field)) {
                hasOsvField = true;
                break;
            }
        }
        if (!hasTextId) {
            boolean looksLikeOsv = (textual(root, "modified") || textual(root, "schema_version"))
                    && (root.has("affected") || root.has("summary") || root.has("details"));
            if (looksLikeOsv) {
                throw new InvalidOsvRecordException(location + " is an OSV record without an id", location);
            }
            return new OsvDocument.NotOsv("it has no OSV id");
        }
        if (!hasOsvField) {
            return new OsvDocument.NotOsv("it has an id but no OSV fields");
        }
        String id = idNode.asText().strip();
        if (id.isEmpty()) {
            throw new InvalidOsvRecordException(location + " is an OSV record with an empty id", location);
        }
        return new OsvDocument.Record(toAdvisory(root, id, source));
    }

    private static Advisory toAdvisory(JsonNode root, String id, String source) {
        String rater = rater(id);
        List<AffectedPackage> affected = new ArrayList<>();
        Set<Rating> ratings = new LinkedHashSet<>();
        addRatings(root.path("severity"), rater, ratings);
        for (JsonNode entry : root.path("affected")) {
            JsonNode pkg = entry.path("package");
            String ecosystem = text(pkg, "ecosystem").strip();
            String name = text(pkg, "name").strip();
            if (ecosystem.isEmpty() || name.isEmpty()) {
                // A GIT-only or malformed entry: nothing a package lookup could ever find.
                continue;
            }
            affected.add(new AffectedPackage(
                    ecosystem,
                    name,
                    text(pkg, "purl").strip(),
                    ranges(entry.path("ranges")),
                    scalars(entry.path("versions")),
                    severityLabel(entry)));
            addRatings(entry.path("severity"), rater, ratings);
        }
        String label = text(root.path("database_specific"), "severity");
        Severity.fromLabel(label)
                .ifPresent(severity -> ratings.add(new Rating(Rating.DATABASE, Double.NaN, severity, "", rater)));
        List<String> references = new ArrayList<>(new LinkedHashSet<>(referenceUrls(root.path("references"))));
        return new Advisory(
                id,
                new ArrayList<>(new LinkedHashSet<>(scalars(root.path("aliases")))),
                text(root, "summary"),
                text(root, "details"),
                instant(root, "published"),
                instant(root, "modified"),
                instant(root, "withdrawn"),
                affected,
                new ArrayList<>(ratings),
                references,
                source != null ? source : defaultSource(affected));
    }

    private static List<AffectedRange> ranges(JsonNode ranges) {
        List<AffectedRange> result = new ArrayList<>();
        for (JsonNode range : ranges) {
            AffectedRange.Type type = rangeType(text(range, "type"));
            if (type == null) {
                continue;
            }
            List<RangeEvent> events = new ArrayList<>();
            for (JsonNode event : range.path("events")) {
                addEvent(event, "introduced", RangeEvent.Kind.INTRODUCED, events);
                addEvent(event, "fixed", RangeEvent.Kind.FIXED, events);
                addEvent(event, "last_affected", RangeEvent.Kind.LAST_AFFECTED, events);
                addEvent(event, "limit", RangeEvent.Kind.LIMIT, events);
            }
            result.add(new AffectedRange(type, text(range, "repo"), events));
        }
        return result;
    }

    private static void addEvent(JsonNode event, String field, RangeEvent.Kind kind, List<RangeEvent> events) {
        JsonNode value = event.get(field);
        // Numbers are accepted as written ("introduced": 0 appears in hand-written records).
        if (value != null && value.isValueNode() && !value.isNull()) {
            events.add(new RangeEvent(kind, value.asText().strip()));
        }
    }

    private static AffectedRange.Type rangeType(String type) {
        return switch (type.strip().toUpperCase(Locale.ROOT)) {
            case "SEMVER" -> AffectedRange.Type.SEMVER;
            case "ECOSYSTEM" -> AffectedRange.Type.ECOSYSTEM;
            case "GIT" -> AffectedRange.Type.GIT;
            default -> null;
        };
    }

    private static String severityLabel(JsonNode affected) {
        String label = text(affected.path("ecosystem_specific"), "severity");
        if (label.isBlank()) {
            label = text(affected.path("database_specific"), "severity");
        }
        return label.strip();
    }

    private static void addRatings(JsonNode severities, String rater, Set<Rating> ratings) {
        for (JsonNode severity : severities) {
            String type = text(severity, "type").strip();
            String score = text(severity, "score").strip();
            if (type.isEmpty() || score.isEmpty()) {
                continue;
            }
            if (type.startsWith("CVSS_")) {
                // Until a vector can be scored (an unknown version, a broken vector) it is kept as published.
                ratings.add(Cvss.rating(type, score, rater)
                        .orElseGet(() -> new Rating(type, Double.NaN, Severity.UNKNOWN, score, rater)));
            } else {
                // OSV 1.6 "Ubuntu" and similar: a database's own label rather than a vector.
                Severity.fromLabel(score)
                        .ifPresent(label -> ratings.add(new Rating(Rating.DATABASE, Double.NaN, label, "", type)));
            }
        }
    }

    private static List<String> referenceUrls(JsonNode references) {
        List<String> urls = new ArrayList<>();
        for (JsonNode reference : references) {
            String url = text(reference, "url").strip();
            if (!url.isEmpty()) {
                urls.add(url);
            }
        }
        return urls;
    }

    private static List<String> scalars(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isValueNode() && !value.isNull()) {
                String text = value.asText().strip();
                if (!text.isEmpty()) {
                    values.add(text);
                }
            }
        }
        return values;
    }

    /** The database that rated the record: its id prefix ({@code GHSA}, {@code PYSEC}, {@code GO}). */
    private static String rater(String id) {
        int dash = id.indexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    private static String defaultSource(List<AffectedPackage> affected) {
        return affected.isEmpty()
                ? "osv"
                : "osv:" + PackageNames.ecosystemBase(affected.get(0).ecosystem());
    }

    private static boolean textual(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /**
     * RFC 3339 as OSV requires, and the near misses seen in the wild: an offset instead of {@code Z}, no
     * zone at all (read as UTC), a bare date. Anything else is treated as absent rather than failing the
     * record.
     */
    static Instant instant(JsonNode node, String field) {
        String value = text(node, field).strip();
        if (value.isEmpty()) {
            return null;
        }
        Instant parsed = parseInstant(value);
        return GO_ZERO_TIME.equals(parsed) ? null : parsed;
    }

    private static Instant parseInstant(String value) {
        String normalized = value.replace(' ', 'T');
        try {
            return Instant.parse(normalized);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(normalized).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(normalized).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException notDate) {
                        return null;
                    }
                }
            }
        }
    }

    private static JsonNode yamlTree(byte[] content, String location) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnableToParseException(location + " is not valid UTF-8", location, e);
        }
        // The failsafe schema keeps every scalar a string: "published: 2020-08-05T14:15:00Z" stays text and
        // "introduced: 0" stays "0".
        Object document = SafeYaml.load(text, location);
        if (document == null) {
            throw new UnableToParseException(location + " is empty", location);
        }
        return SafeJson.mapper().valueToTree(document);
    }
}
