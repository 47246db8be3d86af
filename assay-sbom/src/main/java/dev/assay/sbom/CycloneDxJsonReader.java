package dev.assay.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Sbom;
import dev.assay.model.Tool;
import dev.assay.model.UnableToParseException;
import dev.assay.sbom.AssayProperties.Property;
import dev.assay.sbom.CycloneDxDocument.Entry;
import dev.assay.sbom.CycloneDxDocument.RawHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts a CycloneDX JSON BOM (any 1.x version) from a tree parsed by {@code SafeJson}. Reading is
 * tolerant: fields Assay does not model (services, vulnerabilities, crypto, formulation) are ignored, and
 * a field of an unexpected JSON type reads as absent, because SBOMs from other tools are often slightly
 * off-schema and a scanner must still see their packages.
 */
final class CycloneDxJsonReader {
    private CycloneDxJsonReader() {}

    static Sbom read(JsonNode root, String name) {
        JsonNode metadata = root.path("metadata");
        List<Entry> components = new ArrayList<>();
        for (JsonNode component : array(root.path("components"))) {
            components.add(entry(component, name, 0));
        }
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        for (JsonNode dependency : array(root.path("dependencies"))) {
            String ref = text(dependency.path("ref"));
            if (ref == null) {
                continue;
            }
            List<String> targets = dependencies.computeIfAbsent(ref, ignored -> new ArrayList<>());
            for (JsonNode target : array(dependency.path("dependsOn"))) {
                if (target.isTextual()) {
                    targets.add(target.asText());
                }
            }
        }
        CycloneDxDocument document = new CycloneDxDocument(
                text(root.path("specVersion")),
                text(root.path("serialNumber")),
                text(metadata.path("timestamp")),
                tools(metadata.path("tools")),
                metadata.path("component").isObject() ? entry(metadata.path("component"), name, 0) : null,
                properties(metadata.path("properties")),
                components,
                dependencies);
        return CycloneDxAssembler.toSbom(document, name);
    }

    private static Entry entry(JsonNode component, String name, int depth) {
        if (depth > 100) {
            throw new UnableToParseException(name + ": components are nested more than 100 deep", name);
        }
        List<RawHash> hashes = new ArrayList<>();
        for (JsonNode hash : array(component.path("hashes"))) {
            String algorithm = text(hash.path("alg"));
            String content = text(hash.path("content"));
            if (algorithm != null && content != null) {
                hashes.add(new RawHash(algorithm, content));
            }
        }
        List<String> licenses = new ArrayList<>();
        for (JsonNode choice : array(component.path("licenses"))) {
            String expression = text(choice.path("expression"));
            if (expression != null) {
                licenses.add(expression);
            }
            JsonNode license = choice.path("license");
            String id = text(license.path("id"));
            String licenseName = text(license.path("name"));
            if (id != null) {
                licenses.add(id);
            } else if (licenseName != null) {
                licenses.add(licenseName);
            }
        }
        List<Entry> children = new ArrayList<>();
        for (JsonNode child : array(component.path("components"))) {
            children.add(entry(child, name, depth + 1));
        }
        return new Entry(
                text(component.path("bom-ref")),
                text(component.path("type")),
                text(component.path("group")),
                text(component.path("name")),
                text(component.path("version")),
                text(component.path("purl")),
                text(component.path("scope")),
                text(component.path("description")),
                hashes,
                licenses,
                properties(component.path("properties")),
                children);
    }

    /** 1.4 and earlier: a list of tools; 1.5+: {@code components} and {@code services}. */
    private static List<Tool> tools(JsonNode tools) {
        List<Tool> result = new ArrayList<>();
        if (tools.isArray()) {
            for (JsonNode tool : tools) {
                addTool(result, text(tool.path("vendor")), text(tool.path("name")), text(tool.path("version")));
            }
        } else if (tools.isObject()) {
            for (JsonNode tool : array(tools.path("components"))) {
                String vendor = text(tool.path("group"));
                if (vendor == null) {
                    vendor = text(tool.path("supplier").path("name"));
                }
                addTool(result, vendor, text(tool.path("name")), text(tool.path("version")));
            }
            for (JsonNode service : array(tools.path("services"))) {
                String vendor = text(service.path("group"));
                if (vendor == null) {
                    vendor = text(service.path("provider").path("name"));
                }
                addTool(result, vendor, text(service.path("name")), text(service.path("version")));
            }
        }
        return result;
    }

    private static void addTool(List<Tool> tools, String vendor, String name, String version) {
        if (name != null) {
            tools.add(new Tool(vendor, name, version));
        }
    }

    private static List<Property> properties(JsonNode properties) {
        List<Property> result = new ArrayList<>();
        for (JsonNode property : array(properties)) {
            String name = text(property.path("name"));
            if (name != null) {
                String value = text(property.path("value"));
                result.add(new Property(name, value == null ? "" : value));
            }
        }
        return result;
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    private static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        return node.isNumber() || node.isBoolean() ? node.asText() : null;
    }
}
