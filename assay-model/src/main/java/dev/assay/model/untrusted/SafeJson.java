package dev.assay.model.untrusted;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.model.UnableToParseException;
import java.io.IOException;

/** One shared, bounded JSON mapper: nesting depth and string length are capped against hostile files. */
public final class SafeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(500)
                            .maxStringLength(64 * 1024 * 1024)
                            .maxNumberLength(1000)
                            .build())
                    .build())
            .build();

    private SafeJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNode read(byte[] content, String name) {
        try {
            JsonNode node = MAPPER.readTree(content);
            if (node == null || node.isMissingNode()) {
                throw new UnableToParseException(name + " is empty", name);
            }
            return node;
        } catch (JacksonException e) {
            throw new UnableToParseException(name + " is not valid JSON: " + e.getOriginalMessage(), name, e);
        } catch (IOException e) {
            throw new UnableToParseException("cannot read " + name + ": " + e.getMessage(), name, e);
        }
    }
}
