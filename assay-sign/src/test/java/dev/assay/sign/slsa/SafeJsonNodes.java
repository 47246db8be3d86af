package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;
import java.nio.charset.StandardCharsets;

/** JSON objects from text, for tests. */
final class SafeJsonNodes {
    private SafeJsonNodes() {}

    static ObjectNode object(String json) {
        return (ObjectNode) SafeJson.read(json.getBytes(StandardCharsets.UTF_8), "test json");
    }
}
