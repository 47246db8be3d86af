package dev.assay.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import java.util.Base64;

/** Typed reads of the fields of signing documents (key files, bundles), failing with the field's name. */
public final class JsonFields {
    private JsonFields() {}

    /**
     * @param name how the document is named in errors
     * @param field the field's path, for the message
     * @throws InvalidInputException when the field is missing, not a string or not base64
     */
    public static byte[] base64(JsonNode node, String name, String field) {
        if (!node.isTextual()) {
            throw new InvalidInputException(name + ": '" + field + "' is missing", name);
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name + ": '" + field + "' is not base64", name, e);
        }
    }
}
