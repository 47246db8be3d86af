package dev.assay.sign.intoto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-toto Statement: subjects, a predicate type and the predicate. */
public record Statement(String type, List<Subject> subjects, String predicateType, JsonNode predicate) {
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
    public static final String TYPE_V1 = "https://in-toto.io/Statement/v1";
    public static final String TYPE_V01 = "https://in-toto.io/Statement/v0.1";

    public Statement {
        subjects = List.copyOf(subjects);
    }

    /** A v1 statement, the kind Assay writes. */
    public static Statement of(List<Subject> subjects, String predicateType, JsonNode predicate) {
        if (subjects.isEmpty()) {
            throw new InvalidInputException("an attestation needs at least one subject", null);
        }
        return new Statement(TYPE_V1, subjects, predicateType, predicate);
    }

    public byte[] toJsonBytes() {
        ObjectNode node = SafeJson.mapper().createObjectNode();
        node.put("_type", type);
        var array = node.putArray("subject");
        for (Subject subject : subjects) {
            ObjectNode entry = array.addObject();
            entry.put("name", subject.name());
            ObjectNode digest = entry.putObject("digest");
            subject.digest().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> digest.put(e.getKey(), e.getValue()));
        }
        node.put("predicateType", predicateType);
        node.set("predicate", predicate == null ? SafeJson.mapper().createObjectNode() : predicate);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The first subject carrying this SHA-256, if any. */
    public Optional<Subject> subjectWithSha256(String hex) {
        return subjects.stream().filter(s -> s.hasSha256(hex)).findFirst();
    }

    /**
     * @param name how the payload is named in errors
     * @throws InvalidInputException when the payload is not an in-toto Statement v0.1 or v1
     */
    public static Statement parse(byte[] payload, String name) {
        JsonNode node = SafeJson.read(payload, name);
        String type = node.path("_type").asText("");
        if (!type.equals(TYPE_V1) && !type.equals(TYPE_V01)) {
            throw new InvalidInputException(
                    name + " is not an in-toto Statement (_type '" + type + "', expected " + TYPE_V1 + ")", name);
        }
        JsonNode subjectArray = node.path("subject");
        if (!subjectArray.isArray() || subjectArray.isEmpty()) {
            throw new InvalidInputException(name + ": the statement has no subjects", name);
        }
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode entry : subjectArray) {
            Map<String, String> digests = new LinkedHashMap<>();
            entry.path("digest").properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    digests.put(e.getKey(), e.getValue().asText());
                }
            });
            subjects.add(new Subject(entry.path("name").asText(""), digests));
        }
        JsonNode predicateType = node.path("predicateType");
        if (!predicateType.isTextual()) {
            throw new InvalidInputException(name + ": the statement has no predicateType", name);
        }
        return new Statement(type, subjects, predicateType.asText(), node.path("predicate"));
    }
}
