package dev.assay.server.portfolio.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of an {@value #KIND} job: the portfolio's findings were up to date with generation
 * {@code previous}; the advisory database is now at {@code current}. The handler re-matches what the change
 * can affect and raises {@code finding.new} for what it finds.
 *
 * @param previousUpdatedAt the old generation's data time: advisories modified after it are the candidates
 *     for re-matching
 */
public record ReanalyzeAdvisories(
        String previousGeneration, Instant previousUpdatedAt, String generation, Instant updatedAt) {
    /** The job kind; one job per (previous, current) pair, whatever the number of instances. */
    public static final String KIND = "advisories.reanalyze";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReanalyzeAdvisories {
        Objects.requireNonNull(previousGeneration, "previousGeneration");
        Objects.requireNonNull(previousUpdatedAt, "previousUpdatedAt");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static ReanalyzeAdvisories between(AdvisoryGeneration previous, AdvisoryGeneration current) {
        return new ReanalyzeAdvisories(previous.id(), previous.updatedAt(), current.id(), current.updatedAt());
    }

    /** The de-duplication key of the job: the same change is enqueued once. */
    public String dedupeKey() {
        return KIND + ":" + previousGeneration + "->" + generation;
    }

    public String toJson() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("previousGeneration", previousGeneration);
        fields.put("previousUpdatedAt", previousUpdatedAt.toString());
        fields.put("generation", generation);
        fields.put("updatedAt", updatedAt.toString());
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a job payload", e);
        }
    }

    /** @throws PermanentJobFailureException when the payload is not one this class wrote */
    public static ReanalyzeAdvisories fromJson(String json) throws PermanentJobFailureException {
        try {
            JsonNode node = JSON.readTree(json);
            return new ReanalyzeAdvisories(
                    text(node, "previousGeneration"),
                    Instant.parse(text(node, "previousUpdatedAt")),
                    text(node, "generation"),
                    Instant.parse(text(node, "updatedAt")));
        } catch (IOException | DateTimeParseException e) {
            throw new PermanentJobFailureException("not an " + KIND + " payload: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) throws PermanentJobFailureException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            throw new PermanentJobFailureException("the " + KIND + " payload has no " + field);
        }
        return value.asText();
    }
}
