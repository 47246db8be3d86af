package dev.assay.vulndb.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.AssayException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.vulndb.StoreInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
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

    StoreManifest {
        files = Map.copyOf(files);
        advisoriesByEcosystem = new TreeMap<>(advisoriesByEcosystem);
        sources = List.copyOf(sources);
    }

    /** One data file and its exact length (a cheap truncation check at open). */
    record DataFile(String name, long size) {}

    StoreInfo toInfo(String location) {
        return new StoreInfo(location, updatedAt, snapshot, advisoriesByEcosystem, kevEntries, epssScores, sources);
    }

    byte[] toJson() {
        ObjectNode root = SafeJson.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", StoreFormat.VERSION);
        root.put("generation", generation);
        root.put("updatedAt", updatedAt.toString());
        root.put("snapshot", snapshot);
        root.put("advisories", advisories);
        ObjectNode byEcosystem = root.putObject("advisoriesByEcosystem");
        advisoriesByEcosystem.forEach(byEcosystem::put);
        root.put("kevEntries", kevEntries);
        root.put("epssScores", epssScores);
        ObjectNode fileNodes = root.putObject("files");
        for (FileRole role : FileRole.values()) {
            DataFile file = files.get(role);
            ObjectNode node = fileNodes.putObject(role.key());
            node.put("name", file.name());
            node.put("size", file.size());
        }
        ArrayNode sourceNodes = root.putArray("sources");
        for (StoreInfo.Source source : sources) {
            ObjectNode node = sourceNodes.addObject();
            node.put("kind", source.kind());
            node.put("origin", source.origin());
            node.put("importedAt", source.importedAt().toString());
            node.put("records", source.records());
            ObjectNode details = node.putObject("details");
            new TreeMap<>(source.details()).forEach(details::put);
        }
        try {
            return SafeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the store manifest", e);
        }
    }

    /** What opening a store needs of the manifest: its generation and data files. */
    record Layout(long generation, Map<FileRole, DataFile> files) {
        Layout {
            files = Map.copyOf(files);
        }
    }

    private static final JsonFactory STREAMING = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(1 << 20)
                    .maxNumberLength(32)
                    .build())
            .build();

    /**
     * Reads only the format, generation and file list, with a streaming parser: opening a store must not
     * pay for the JSON data binding and date parsing that {@link #parse} (used for {@code info()}) needs.
     */
    static Layout parseLayout(byte[] json, String name) {
        String format = null;
        int version = -1;
        long generation = -1;
        Map<FileRole, DataFile> files = new EnumMap<>(FileRole.class);
        try (JsonParser parser = STREAMING.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CorruptAdvisoryDatabaseException(name + " is not a JSON object", name);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "format" -> format = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "formatVersion" -> version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
                    case "generation" -> generation = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "files" -> readFiles(parser, value, files, name);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new CorruptAdvisoryDatabaseException(name + " is not readable: " + e.getMessage(), name, e);
        }
        checkFormat(format, version, name);
        for (FileRole role : FileRole.values()) {
            DataFile file = files.get(role);
            // The manifest names files to open; only our own pattern is accepted, never a path.
            if (file == null || !role.matches(file.name()) || file.size() < StoreFormat.HEADER_BYTES) {
                throw new CorruptAdvisoryDatabaseException(name + " names no valid " + role.key() + " file", name);
            }
        }
        return new Layout(generation, files);
    }

    private static void readFiles(JsonParser parser, JsonToken start, Map<FileRole, DataFile> files, String name)
            throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw new CorruptAdvisoryDatabaseException(name + " has no files object", name);
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CorruptAdvisoryDatabaseException(name + " has a malformed file entry " + key, name);
            }
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

    private static void checkFormat(String format, int version, String name) {
        if (!FORMAT.equals(format)) {
            throw new CorruptAdvisoryDatabaseException(name + " is not an Assay advisory database manifest", name);
        }
        if (version != StoreFormat.VERSION) {
            throw new CorruptAdvisoryDatabaseException(
                    name + " has format version " + version + "; this Assay reads version " + StoreFormat.VERSION,
                    name);
        }
    }

    static StoreManifest parse(byte[] json, String name) {
        Layout dataFiles = parseLayout(json, name);
        JsonNode root;
        try {
            root = SafeJson.read(json, name);
        } catch (AssayException e) {
            throw new CorruptAdvisoryDatabaseException(name + " is not readable: " + e.getMessage(), name, e);
        }
        try {
            SortedMap<String, Integer> byEcosystem = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            root.path("advisoriesByEcosystem").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                byEcosystem.put(entry.getKey(), entry.getValue().asInt());
            }
            List<StoreInfo.Source> sources = new ArrayList<>();
            for (JsonNode node : root.path("sources")) {
                Map<String, String> details = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                node.path("details").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    details.put(entry.getKey(), entry.getValue().asText());
                }
                sources.add(new StoreInfo.Source(
                        node.path("kind").asText(),
                        node.path("origin").asText(),
                        Instant.parse(node.path("importedAt").asText()),
                        node.path("records").asInt(),
                        details));
            }
            return new StoreManifest(
                    dataFiles.generation(),
                    Instant.parse(root.path("updatedAt").asText()),
                    root.path("snapshot").asBoolean(false),
                    dataFiles.files(),
                    root.path("advisories").asInt(),
                    byEcosystem,
                    root.path("kevEntries").asInt(),
                    root.path("epssScores").asInt(),
                    sources);
        } catch (DateTimeParseException e) {
            throw new CorruptAdvisoryDatabaseException(name + " has an invalid timestamp", name, e);
        }
    }
}
