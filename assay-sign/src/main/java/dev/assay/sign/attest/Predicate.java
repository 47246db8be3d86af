package dev.assay.sign.attest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a statement says about its subjects: the predicate type URI and the predicate document.
 *
 * @param type the predicate type URI, e.g. {@code https://cyclonedx.org/bom}
 */
public record Predicate(String type, JsonNode content) {
    public Predicate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }
}
