package dev.assay.model.untrusted;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.UnableToParseException;
import java.io.IOException;

/**
 * Bounded JSON: nesting depth and string length are capped against hostile files. {@link #read} builds
 * the tree straight from the token stream, without a data mapper: a mapper's first construction costs tens
 * of milliseconds on a cold JVM, and reading one lockfile is often all a process does. {@link #mapper()} is
 * built on first use, with the same limits.
 */
public final class SafeJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(500)
                    .maxStringLength(64 * 1024 * 1024)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder(FACTORY.copy()).build();
    }

    private SafeJson() {}

    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** The document's tree, as {@code ObjectMapper.readTree} would give it; an empty document is an error. */
    public static JsonNode read(byte[] content, String name) {
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UnableToParseException(name + " is empty", name);
            }
            return value(parser, first);
        } catch (JacksonException e) {
            throw new UnableToParseException(name + " is not valid JSON " + JsonErrors.describe(e), name, e);
        } catch (IOException e) {
            throw new UnableToParseException("cannot read " + name + ": " + e.getMessage(), name, e);
        }
    }

    // Recursion is bounded by the parser's nesting limit (500).
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new UnableToParseException("the JSON document ends inside a value", "end of input");
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String field = parser.currentName();
                    object.set(field, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default ->
                throw new UnableToParseException(
                        "unexpected JSON token " + token + " at " + parser.currentLocation(), String.valueOf(token));
        };
    }
}
