package dev.assay.vulndb.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.assay.vulndb.StoreInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code assay-db.json}: the store's metadata and its commit point. It names the data files of the
 * current generation; a new generation becomes visible only when a new manifest is renamed over the old
 * one, so a reader sees either the old store or the new one, never a mix.
 *
 * <p>Read and written with jackson-core's streaming API only: opening a database, and printing its
 * status in a scan report, must not pay for initializing JSON data binding.
 *
 * @param advisories distinct records (a record affecting two ecosystems counts once here and once under
 *     each ecosystem in {@code advisoriesByEcosystem})
 */
record StoreManifest(
        long generation,
        Instant updatedAt,
        boolean snapshot,
        Map<FileRole, DataFile> files,
        int advisories,
        SortedMap<String, Integer> advisoriesByEcosystem,
        int kevEntries,
        int epssScores,
        List<StoreInfo.Source> sources) {
    static final String FILE_NAME = "assay-db.json";
    static final String FORMAT = "assay-advisory-database";

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(1 << 20)
                    .maxNumberLength(32)
                    .build())
            .build();

    StoreManifest {
        files = Map.copyOf(files);
        advisoriesByEcosystem = new TreeMap<>(advisoriesByEcosystem);
        sources = List.copyOf(sources);
    }

    /** One data file and its exact length (a cheap truncation check at open). */
    record DataFile(String name, long size) {}

    /** What opening a store needs of the manifest: its generation and data files. */
    record Layout(long generation, Map<FileRole, DataFile> files) {
        Layout {
            files = Map.copyOf(files);
        }
    }

    StoreInfo toInfo(String location) {
        return new StoreInfo(location, updatedAt, snapshot, advisoriesByEcosystem, kevEntries, epssScores, sources);
    }

    byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("formatVersion", StoreFormat.VERSION);
            json.writeNumberField("generation", generation);
            json.writeStringField("updatedAt", updatedAt.toString());
            json.writeBooleanField("snapshot", snapshot);
            json.writeNumberField("advisories", advisories);
            json.writeObjectFieldStart("advisoriesByEcosystem");
            for (Map.Entry<String, Integer> entry : advisoriesByEcosystem.entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("kevEntries", kevEntries);
            json.writeNumberField("epssScores", epssScores);
            json.writeObjectFieldStart("files");
            for (FileRole role : FileRole.values()) {
                DataFile file = files.get(role);
                json.writeObjectFieldStart(role.key());
                json.writeStringField("name", file.name());
                json.writeNumberField("size", file.size());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("sources");
            for (StoreInfo.Source source : sources) {
                json.writeStartObject();
                json.writeStringField("kind", source.kind());
                json.writeStringField("origin", source.origin());
                json.writeStringField("importedAt", source.importedAt().toString());
                json.writeNumberField("records", source.records());
                json.writeObjectFieldStart("details");
                for (Map.Entry<String, String> detail : new TreeMap<>(source.details()).entrySet()) {
                    json.writeStringField(detail.getKey(), detail.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the store manifest", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** Reads only the format, generation and file list: what opening a store needs. */
    static Layout parseLayout(byte[] json, String name) {
        return read(json, name, false).layout(name);
    }

    static StoreManifest parse(byte[] json, String name) {
        Fields fields = read(json, name, true);
        Layout layout = fields.layout(name);
        try {
            List<StoreInfo.Source> sources = new ArrayList<>();
            for (SourceFields source : fields.sources) {
                sources.add(new StoreInfo.Source(
                        source.kind, source.origin, Instant.parse(source.importedAt), source.records, source.details));
            }
            return new StoreManifest(
                    layout.generation(),
                    Instant.parse(fields.updatedAt),
                    fields.snapshot,
                    layout.files(),
                    fields.advisories,
                    fields.byEcosystem,
                    fields.kevEntries,
                    fields.epssScores,
                    sources);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new CorruptAdvisoryDatabaseException(name + " has a missing or invalid timestamp", name, e);
        }
    }

    /** The manifest's fields as read, before validation. */
    private static final class Fields {
        String format;
        int version = -1;
        long generation = -1;
        final Map<FileRole, DataFile> files = new EnumMap<>(FileRole.class);
        String updatedAt;
        boolean snapshot;
        int advisories;
        final SortedMap<String, Integer> byEcosystem = new TreeMap<>();
        int kevEntries;
        int epssScores;
        final List<SourceFields> sources = new ArrayList<>();

        Layout layout(String name) {
            if (!FORMAT.equals(format)) {
                throw new CorruptAdvisoryDatabaseException(name + " is not an Assay advisory database manifest", name);
            }
            if (version != StoreFormat.VERSION) {
                throw new CorruptAdvisoryDatabaseException(
                        name + " has format version " + version + "; this Assay reads version " + StoreFormat.VERSION,
                        name);
            }
            for (FileRole role : FileRole.values()) {
                DataFile file = files.get(role);
                // The manifest names files to open; only our own pattern is accepted, never a path.
                if (file == null || !role.matches(file.name()) || file.size() < StoreFormat.HEADER_BYTES) {
                    throw new CorruptAdvisoryDatabaseException(name + " names no valid " + role.key() + " file", name);
                }
            }
            return new Layout(generation, files);
        }
    }

    private static final class SourceFields {
        String kind = "";
        String origin = "";
        String importedAt;
        int records;
        final Map<String, String> details = new LinkedHashMap<>();
    }

    private static Fields read(byte[] json, String name, boolean everything) {
        Fields fields = new Fields();
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, name);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "format" -> fields.format = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "formatVersion" -> fields.version = intValue(parser, value, -1);
                    case "generation" ->
                        fields.generation = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "files" -> readFiles(parser, value, fields.files, name);
                    default -> {
                        if (everything) {
                            readMetadata(parser, field, value, fields, name);
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new CorruptAdvisoryDatabaseException(name + " is not readable: " + e.getMessage(), name, e);
        }
        return fields;
    }

    private static void readMetadata(JsonParser parser, String field, JsonToken value, Fields fields, String name)
            throws IOException {
        switch (field) {
            case "updatedAt" -> fields.updatedAt = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            case "snapshot" -> fields.snapshot = value == JsonToken.VALUE_TRUE;
            case "advisories" -> fields.advisories = intValue(parser, value, 0);
            case "kevEntries" -> fields.kevEntries = intValue(parser, value, 0);
            case "epssScores" -> fields.epssScores = intValue(parser, value, 0);
            case "advisoriesByEcosystem" -> {
                expect(value, JsonToken.START_OBJECT, name);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String ecosystem = parser.currentName();
                    fields.byEcosystem.put(ecosystem, intValue(parser, parser.nextToken(), 0));
                }
            }
            case "sources" -> {
                expect(value, JsonToken.START_ARRAY, name);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    fields.sources.add(readSource(parser, name));
                }
            }
            default -> parser.skipChildren();
        }
    }

    private static SourceFields readSource(JsonParser parser, String name) throws IOException {
        SourceFields source = new SourceFields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "kind" -> source.kind = parser.getValueAsString("");
                case "origin" -> source.origin = parser.getValueAsString("");
                case "importedAt" -> source.importedAt = parser.getValueAsString();
                case "records" -> source.records = intValue(parser, value, 0);
                case "details" -> {
                    expect(value, JsonToken.START_OBJECT, name);
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        parser.nextToken();
                        source.details.put(key, parser.getValueAsString(""));
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return source;
    }

    private static void readFiles(JsonParser parser, JsonToken start, Map<FileRole, DataFile> files, String name)
            throws IOException {
        expect(start, JsonToken.START_OBJECT, name);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            expect(parser.nextToken(), JsonToken.START_OBJECT, name);
            String fileName = "";
            long size = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                    fileName = parser.getText();
                } else if (field.equals("size") && value == JsonToken.VALUE_NUMBER_INT) {
                    size = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
            for (FileRole role : FileRole.values()) {
                if (role.key().equals(key)) {
                    files.put(role, new DataFile(fileName, size));
                }
            }
        }
    }

    private static int intValue(JsonParser parser, JsonToken value, int otherwise) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : otherwise;
    }

    private static void expect(JsonToken actual, JsonToken expected, String name) {
        if (actual != expected) {
            throw new CorruptAdvisoryDatabaseException(
                    name + " is malformed: expected " + expected + " but found " + actual, name);
        }
    }
}
