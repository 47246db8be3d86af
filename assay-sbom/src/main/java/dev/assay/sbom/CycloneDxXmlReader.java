package dev.assay.sbom;

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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Extracts a CycloneDX XML BOM (any 1.x namespace) from a DOM parsed by {@code SafeXml}, which refuses
 * any DOCTYPE: external entities, parameter entities and entity-expansion bombs never reach this code.
 * Only elements in the BOM's own namespace are read, so extension elements (which may reuse names such as
 * {@code component}) are ignored.
 */
final class CycloneDxXmlReader {
    private final String namespace;
    private final String name;

    private CycloneDxXmlReader(String namespace, String name) {
        this.namespace = namespace;
        this.name = name;
    }

    static Sbom read(Document document, String name) {
        Element root = document.getDocumentElement();
        return new CycloneDxXmlReader(root.getNamespaceURI(), name).read(root);
    }

    private Sbom read(Element root) {
        Element metadata = child(root, "metadata");
        List<Entry> components = new ArrayList<>();
        Element componentList = child(root, "components");
        for (Element component : children(componentList, "component")) {
            components.add(entry(component, 0));
        }
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        for (Element dependency : children(child(root, "dependencies"), "dependency")) {
            String ref = attribute(dependency, "ref");
            if (ref == null) {
                continue;
            }
            List<String> targets = dependencies.computeIfAbsent(ref, ignored -> new ArrayList<>());
            for (Element target : children(dependency, "dependency")) {
                String targetRef = attribute(target, "ref");
                if (targetRef != null) {
                    targets.add(targetRef);
                }
            }
        }
        String namespaceVersion = namespace.substring(SbomFormatDetector.CYCLONEDX_NAMESPACE.length());
        Element metadataComponent = child(metadata, "component");
        CycloneDxDocument document = new CycloneDxDocument(
                namespaceVersion,
                attribute(root, "serialNumber"),
                text(child(metadata, "timestamp")),
                tools(child(metadata, "tools")),
                metadataComponent == null ? null : entry(metadataComponent, 0),
                properties(child(metadata, "properties")),
                components,
                dependencies);
        return CycloneDxAssembler.toSbom(document, name);
    }

    private Entry entry(Element component, int depth) {
        if (depth > 100) {
            throw new UnableToParseException(name + ": components are nested more than 100 deep", name);
        }
        List<RawHash> hashes = new ArrayList<>();
        for (Element hash : children(child(component, "hashes"), "hash")) {
            String algorithm = attribute(hash, "alg");
            String content = text(hash);
            if (algorithm != null && content != null) {
                hashes.add(new RawHash(algorithm, content));
            }
        }
        List<String> licenses = new ArrayList<>();
        Element licenseList = child(component, "licenses");
        for (Element expression : children(licenseList, "expression")) {
            String value = text(expression);
            if (value != null) {
                licenses.add(value);
            }
        }
        for (Element license : children(licenseList, "license")) {
            String id = text(child(license, "id"));
            String licenseName = text(child(license, "name"));
            if (id != null) {
                licenses.add(id);
            } else if (licenseName != null) {
                licenses.add(licenseName);
            }
        }
        List<Entry> nested = new ArrayList<>();
        for (Element child : children(child(component, "components"), "component")) {
            nested.add(entry(child, depth + 1));
        }
        return new Entry(
                attribute(component, "bom-ref"),
                attribute(component, "type"),
                text(child(component, "group")),
                text(child(component, "name")),
                text(child(component, "version")),
                text(child(component, "purl")),
                text(child(component, "scope")),
                text(child(component, "description")),
                hashes,
                licenses,
                properties(child(component, "properties")),
                nested);
    }

    /** 1.4 and earlier: {@code <tool>} elements; 1.5+: {@code <components>} and {@code <services>}. */
    private List<Tool> tools(Element tools) {
        List<Tool> result = new ArrayList<>();
        for (Element tool : children(tools, "tool")) {
            addTool(result, text(child(tool, "vendor")), text(child(tool, "name")), text(child(tool, "version")));
        }
        for (Element tool : children(child(tools, "components"), "component")) {
            addTool(result, text(child(tool, "group")), text(child(tool, "name")), text(child(tool, "version")));
        }
        for (Element service : children(child(tools, "services"), "service")) {
            addTool(
                    result,
                    text(child(service, "group")),
                    text(child(service, "name")),
                    text(child(service, "version")));
        }
        return result;
    }

    private static void addTool(List<Tool> tools, String vendor, String name, String version) {
        if (name != null) {
            tools.add(new Tool(vendor, name, version));
        }
    }

    private List<Property> properties(Element properties) {
        List<Property> result = new ArrayList<>();
        for (Element property : children(properties, "property")) {
            String propertyName = attribute(property, "name");
            if (propertyName != null) {
                String value = text(property);
                result.add(new Property(propertyName, value == null ? "" : value));
            }
        }
        return result;
    }

    private Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isElement(node, localName)) {
                return (Element) node;
            }
        }
        return null;
    }

    private List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isElement(node, localName)) {
                result.add((Element) node);
            }
        }
        return result;
    }

    private boolean isElement(Node node, String localName) {
        return node.getNodeType() == Node.ELEMENT_NODE
                && localName.equals(node.getLocalName())
                && namespace.equals(node.getNamespaceURI());
    }

    private static String attribute(Element element, String attribute) {
        if (element == null || !element.hasAttribute(attribute)) {
            return null;
        }
        return element.getAttribute(attribute);
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
