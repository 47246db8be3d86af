package dev.assay.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import java.util.Base64;

/**
 * Typed reads of one JSON document's fields, each failing with the document's name and the field's path
 * ({@code tlogEntries[0].logIndex}), so that a hostile or broken bundle ends in one clear line.
 */
final class JsonPath {
    private final String document;

    JsonPath(String document) {
        this.document = document;
    }

    InvalidInputException invalid(String path, String problem) {
        return new InvalidInputException(document + ": " + path + " " + problem, document);
    }

    JsonNode object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalid(path, node.isMissingNode() ? "is missing" : "is not a JSON object");
        }
        return node;
    }

    JsonNode array(JsonNode node, String path, int maxSize) {
        if (node.isMissingNode() || node.isNull()) {
            return node;
        }
        if (!node.isArray()) {
            throw invalid(path, "is not a JSON array");
        }
        if (node.size() > maxSize) {
            throw invalid(path, "has " + node.size() + " elements; at most " + maxSize + " are accepted");
        }
        return node;
    }

    String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw invalid(path, node.isMissingNode() ? "is missing" : "is not a string");
        }
        return node.asText();
    }

    /** Protobuf JSON writes bytes as standard or URL-safe base64, padded or not. */
    byte[] base64(JsonNode node, String path) {
        String text = text(node, path);
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            // Line-wrapped base64 (as `base64` prints it) is read by the Go and Python Sigstore clients, which
            // skip line breaks; any other stray character still fails.
            text = text.replace("\r", "").replace("\n", "");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException standard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException urlSafe) {
                throw invalid(path, "is not valid base64");
            }
        }
    }

    /** Protobuf JSON writes 64-bit integers as strings; numbers are accepted too. Absent is 0. */
    long int64(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText());
            } catch (NumberFormatException e) {
                throw invalid(path, "is not an integer: '" + abbreviate(node.asText()) + "'");
            }
        }
        throw invalid(path, "is not an integer");
    }

    long nonNegative(JsonNode node, String path) {
        long value = int64(node, path);
        if (value < 0) {
            throw invalid(path, "is negative (" + value + ")");
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
