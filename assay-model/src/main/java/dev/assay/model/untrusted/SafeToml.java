package dev.assay.model.untrusted;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.assay.model.UnableToParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TOML documents (Cargo.lock, poetry.lock, uv.lock, pyproject.toml...) as plain maps, lists, strings,
 * numbers and booleans; dates and times stay text. Read from Jackson's TOML token stream without a data
 * mapper, which keeps a cold start (one lockfile per process) cheap. Nesting and string length are bounded
 * against hostile files.
 */
public final class SafeToml {
    /** Deeper than any lockfile or manifest needs. */
    static final int MAX_DEPTH = 64;

    private static final TomlFactory FACTORY = TomlFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(64 * 1024 * 1024)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private SafeToml() {}

    /**
     * The document's top-level table.
     *
     * @throws UnableToParseException naming the file and the first error when it is not valid TOML or
     *     nests deeper than {@value #MAX_DEPTH} levels
     */
    public static Map<String, Object> load(String content, String name) {
        try (JsonParser parser = FACTORY.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new LinkedHashMap<>();
            }
            return table(parser, name, 1);
        } catch (JacksonException e) {
            throw new UnableToParseException(name + " is not valid TOML: " + e.getOriginalMessage(), name, e);
        } catch (IOException e) {
            throw new UnableToParseException("cannot read " + name + ": " + e.getMessage(), name, e);
        } catch (StackOverflowError e) {
            throw new UnableToParseException(name + " nests too deeply to be read", name);
        }
    }

    private static Map<String, Object> table(JsonParser parser, String name, int depth) throws IOException {
        Map<String, Object> table = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            table.put(key, value(parser, name, depth));
        }
        return table;
    }

    private static Object value(JsonParser parser, String name, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new UnableToParseException(name + " nests deeper than " + MAX_DEPTH + " levels", name);
        }
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new UnableToParseException(name + " ends in the middle of a value", name);
        }
        return switch (token) {
            case START_OBJECT -> table(parser, name, depth + 1);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser, name, depth + 1));
                }
                yield list;
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            default -> parser.getText();
        };
    }
}
