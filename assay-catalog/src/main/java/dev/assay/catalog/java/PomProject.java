package dev.assay.catalog.java;

import dev.assay.model.Location;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One {@code pom.xml} as written, before inheritance and interpolation: values keep their {@code ${...}}
 * expressions. Profiles are ignored on purpose: what they add depends on the build machine, and a
 * default build (the one that ships) does not activate them.
 */
record PomProject(
        Location location,
        String groupId,
        String artifactId,
        String version,
        String packaging,
        PomParent parent,
        Map<String, String> properties,
        List<PomDependency> dependencyManagement,
        List<PomDependency> dependencies,
        List<String> modules,
        List<String> licenses) {

    /** The {@code <parent>} element; {@code relativePath} is null when absent (Maven then tries {@code ../pom.xml}). */
    record PomParent(String groupId, String artifactId, String version, String relativePath) {}

    /** A {@code <dependency>} as declared; empty strings for absent elements. */
    record PomDependency(
            String groupId,
            String artifactId,
            String version,
            String type,
            String classifier,
            String scope,
            String optional) {
        /** Maven's identity of a dependency inside one model: the version is not part of it. */
        String managementKey() {
            return groupId + ":" + artifactId + ":" + (type.isEmpty() ? "jar" : type) + ":" + classifier;
        }
    }

    /** The project's own group, or the parent's when the project inherits it. */
    String effectiveGroupId() {
        return !groupId.isEmpty() ? groupId : parent == null ? "" : parent.groupId();
    }

    /** The project's own version, or the parent's when the project inherits it. */
    String effectiveVersion() {
        return !version.isEmpty() ? version : parent == null ? "" : parent.version();
    }

    static PomProject parse(byte[] content, Location location) {
        Document document = SafeXml.parse(content, location.path());
        Element project = document.getDocumentElement();
        if (project == null || !"project".equals(localName(project))) {
            throw new UnableToParseException(
                    location.path() + " is not a Maven POM (no <project> root)", location.path());
        }
        Element parentElement = child(project, "parent");
        PomParent parent = parentElement == null
                ? null
                : new PomParent(
                        text(parentElement, "groupId"),
                        text(parentElement, "artifactId"),
                        text(parentElement, "version"),
                        child(parentElement, "relativePath") == null ? null : text(parentElement, "relativePath"));
        Map<String, String> properties = new LinkedHashMap<>();
        Element propertiesElement = child(project, "properties");
        if (propertiesElement != null) {
            for (Element property : children(propertiesElement)) {
                properties.put(localName(property), property.getTextContent().strip());
            }
        }
        Element management = child(project, "dependencyManagement");
        List<PomDependency> managed = management == null ? List.of() : dependencies(child(management, "dependencies"));
        List<String> modules = new ArrayList<>();
        Element modulesElement = child(project, "modules");
        if (modulesElement != null) {
            for (Element module : children(modulesElement)) {
                if ("module".equals(localName(module))) {
                    modules.add(module.getTextContent().strip());
                }
            }
        }
        List<String> licenses = new ArrayList<>();
        Element licensesElement = child(project, "licenses");
        if (licensesElement != null) {
            for (Element license : children(licensesElement)) {
                String name = text(license, "name");
                licenses.add(name.isEmpty() ? text(license, "url") : name);
            }
        }
        return new PomProject(
                location,
                text(project, "groupId"),
                text(project, "artifactId"),
                text(project, "version"),
                text(project, "packaging"),
                parent,
                properties,
                managed,
                dependencies(child(project, "dependencies")),
                modules,
                licenses.stream().filter(license -> !license.isEmpty()).toList());
    }

    private static List<PomDependency> dependencies(Element dependencies) {
        if (dependencies == null) {
            return List.of();
        }
        List<PomDependency> result = new ArrayList<>();
        for (Element dependency : children(dependencies)) {
            if (!"dependency".equals(localName(dependency))) {
                continue;
            }
            result.add(new PomDependency(
                    text(dependency, "groupId"),
                    text(dependency, "artifactId"),
                    text(dependency, "version"),
                    text(dependency, "type"),
                    text(dependency, "classifier"),
                    text(dependency, "scope"),
                    text(dependency, "optional")));
        }
        return List.copyOf(result);
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().strip();
    }
}
