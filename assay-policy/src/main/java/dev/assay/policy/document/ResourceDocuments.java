package dev.assay.policy.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeYaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the documents policies are evaluated against: multi-document YAML (Kubernetes manifests, Helm and
 * Kustomize output) or one JSON document (an SBOM, a scan result, an attestation statement), through the
 * hardened readers, as JSON-like values with Kubernetes' typing (see {@link YamlValues}).
 */
public final class ResourceDocuments {
    private ResourceDocuments() {}

    /**
     * Every non-empty document of {@code content}, each a map.
     *
     * @throws dev.assay.model.InvalidInputException when the content is not UTF-8, YAML or JSON, is nested or
     *     aliased beyond the limits, or holds a document that is not a map
     */
    public static List<ResourceDocument> parse(byte[] content, String source) {
        return parse(Utf8.decode(content, source), source);
    }

    public static List<ResourceDocument> parse(String content, String source) {
        String stripped = content.stripLeading();
        if (stripped.startsWith("{") || stripped.startsWith("[")) {
            return List.of(json(content, source));
        }
        List<ResourceDocument> documents = new ArrayList<>();
        List<Node> nodes = SafeYaml.composeAll(content, source);
        for (int index = 0; index < nodes.size(); index++) {
            Node node = nodes.get(index);
            if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                continue;
            }
            Object value = YamlValues.toValue(node, source);
            if (value == null) {
                continue;
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new UnableToParseException(
                        YamlValues.where(source, node) + ": document " + index + " is not a mapping (an object)",
                        source);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            documents.add(new ResourceDocument(source, index, YamlValues.line(node), object));
        }
        return List.copyOf(documents);
    }

    private static ResourceDocument json(String content, String source) {
        JsonNode root;
        try {
            root = SafeJson.mapper()
                    .reader()
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(content);
        } catch (IOException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JacksonException jackson
                    ? dev.assay.model.untrusted.JsonErrors.message(jackson)
                    : e.getMessage();
            String where =
                    e instanceof com.fasterxml.jackson.core.JacksonException jackson && jackson.getLocation() != null
                            ? ":" + jackson.getLocation().getLineNr() + ":"
                                    + jackson.getLocation().getColumnNr()
                            : "";
            throw new UnableToParseException(source + where + " is not valid JSON: " + reason, source, e);
        }
        if (root == null || !root.isObject()) {
            throw new UnableToParseException(source + " is not a JSON object", source);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value(root, source, 0);
        return new ResourceDocument(source, 0, 1, object);
    }

    /** Jackson's tree as the same values YAML gives: Long or Double numbers, ordered unmodifiable maps. */
    private static Object value(JsonNode node, String source, int depth) {
        if (depth > YamlValues.MAX_DEPTH) {
            throw new UnableToParseException(
                    source + " is nested more than " + YamlValues.MAX_DEPTH + " levels deep", source);
        }
        if (node.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            node.properties().forEach(entry -> values.put(entry.getKey(), value(entry.getValue(), source, depth + 1)));
            return Collections.unmodifiableMap(values);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item, source, depth + 1)));
            return Collections.unmodifiableList(items);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return null;
    }
}
