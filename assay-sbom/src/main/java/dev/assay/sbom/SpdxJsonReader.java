package dev.assay.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.model.Tool;
import dev.assay.sbom.AssayProperties.ComponentFacts;
import dev.assay.sbom.AssayProperties.MetadataFacts;
import dev.assay.sbom.AssayProperties.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads SPDX 2.2 and 2.3 JSON packages and relationships into the model.
 *
 * <ul>
 *   <li>The purl comes from a {@code purl} external reference; a package without one is kept as {@code
 *       pkg:generic/<name>@<version>}. Files and snippets are not packages and are not read.
 *   <li>The single package the document DESCRIBES is the subject; with several, there is no subject.
 *   <li>DEPENDS_ON and CONTAINS are read as they are; DEPENDENCY_OF (and its dev/build/test/runtime/
 *       optional/provided variants) and CONTAINED_BY are read reversed. Edges Assay marked as implied
 *       are skipped.
 *   <li>{@code licenseDeclared} (or {@code licenseConcluded} when nothing is declared) is the license; a
 *       {@code LicenseRef-} is resolved to its extracted license's name.
 *   <li>Annotations whose comment is {@code "assay:...: value"} give back Assay's evidence and properties.
 * </ul>
 */
final class SpdxJsonReader {
    private static final Logger LOG = LoggerFactory.getLogger(SpdxJsonReader.class);
    private static final Pattern TRAILING_UUID =
            Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
    private static final Pattern TOOL = Pattern.compile("(.+?)-(v?\\d[\\w.+~-]*)");
    private static final Set<String> REVERSED_DEPENDENCIES = Set.of(
            "DEPENDENCY_OF",
            "DEV_DEPENDENCY_OF",
            "BUILD_DEPENDENCY_OF",
            "TEST_DEPENDENCY_OF",
            "RUNTIME_DEPENDENCY_OF",
            "OPTIONAL_DEPENDENCY_OF",
            "PROVIDED_DEPENDENCY_OF");

    private SpdxJsonReader() {}

    static Sbom read(JsonNode root, String name) {
        Map<String, String> extracted = new HashMap<>();
        for (JsonNode info : array(root.path("hasExtractedLicensingInfos"))) {
            String id = text(info.path("licenseId"));
            String licenseName = text(info.path("name"));
            if (id != null && licenseName != null && !licenseName.equals("NOASSERTION")) {
                extracted.put(id, licenseName);
            }
        }

        Map<String, Component> packagesById = new HashMap<>();
        for (JsonNode node : array(root.path("packages"))) {
            String id = text(node.path("SPDXID"));
            if (id != null) {
                packagesById.putIfAbsent(id, component(node, extracted, name));
            }
        }

        Set<String> described = new LinkedHashSet<>();
        for (JsonNode id : array(root.path("documentDescribes"))) {
            if (id.isTextual()) {
                described.add(id.asText());
            }
        }
        String documentId = Optional.ofNullable(text(root.path("SPDXID"))).orElse("SPDXRef-DOCUMENT");
        TreeSet<Relationship> relationships = new TreeSet<>();
        int skipped = 0;
        for (JsonNode relationship : array(root.path("relationships"))) {
            String from = text(relationship.path("spdxElementId"));
            String to = text(relationship.path("relatedSpdxElement"));
            String type = Optional.ofNullable(text(relationship.path("relationshipType")))
                    .orElse("")
                    .toUpperCase(Locale.ROOT);
            if (from == null || to == null) {
                continue;
            }
            if (type.equals("DESCRIBES") && from.equals(documentId)) {
                described.add(to);
                continue;
            }
            if (type.equals("DESCRIBED_BY") && to.equals(documentId)) {
                described.add(from);
                continue;
            }
            if (SpdxJsonWriter.IMPLIED.equals(text(relationship.path("comment")))) {
                continue;
            }
            Component source = packagesById.get(from);
            Component target = packagesById.get(to);
            if (source == null || target == null) {
                skipped++;
                continue;
            }
            switch (type) {
                case "DEPENDS_ON" -> relationships.add(Relationship.dependsOn(source.purl(), target.purl()));
                case "CONTAINS" -> relationships.add(Relationship.contains(source.purl(), target.purl()));
                case "CONTAINED_BY" -> relationships.add(Relationship.contains(target.purl(), source.purl()));
                default -> {
                    if (REVERSED_DEPENDENCIES.contains(type)) {
                        relationships.add(Relationship.dependsOn(target.purl(), source.purl()));
                    }
                }
            }
        }
        if (skipped > 0) {
            LOG.debug(
                    "{}: {} relationships involve files, snippets or other documents and were skipped", name, skipped);
        }

        TreeMap<Purl, Component> components = new TreeMap<>();
        for (Component component : packagesById.values()) {
            components.merge(component.purl(), component, Component::mergedWith);
        }
        Component subject = null;
        List<String> describedPackages =
                described.stream().filter(packagesById::containsKey).toList();
        if (describedPackages.size() == 1) {
            subject =
                    components.remove(packagesById.get(describedPackages.get(0)).purl());
        }

        MetadataFacts facts = AssayProperties.metadataFacts(assayProperties(root.path("annotations")));
        JsonNode creationInfo = root.path("creationInfo");
        SbomMetadata metadata = new SbomMetadata(
                serialNumber(text(root.path("documentNamespace"))),
                CycloneDxAssembler.timestamp(text(creationInfo.path("created"))),
                subject,
                tools(creationInfo.path("creators")),
                facts.distro(),
                facts.properties());
        return new Sbom(metadata, List.copyOf(components.values()), List.copyOf(relationships), facts.unknowns());
    }

    private static Component component(JsonNode node, Map<String, String> extracted, String documentName) {
        String packageName = Optional.ofNullable(text(node.path("name")))
                .filter(value -> !value.isBlank())
                .orElse("unnamed");
        String version = text(node.path("versionInfo"));
        Purl purl =
                purl(node, documentName).orElseGet(() -> CycloneDxAssembler.genericPurl(null, packageName, version));
        List<Property> properties = assayProperties(node.path("annotations"));
        ComponentFacts facts = AssayProperties.componentFacts(properties);
        String group = facts.properties().remove(SpdxJsonWriter.GROUP);
        Component.Builder builder = Component.builder(purl)
                .group(group)
                .kind(kind(text(node.path("primaryPackagePurpose"))))
                .name(packageName)
                .version(version == null ? "" : version)
                .scope(CycloneDxWriter.scope(properties.stream()
                        .filter(property -> property.name().equals(AssayProperties.SCOPE))
                        .map(Property::value)
                        .findFirst()
                        .orElse(null)))
                .properties(facts.properties());
        for (JsonNode checksum : array(node.path("checksums"))) {
            String algorithm = text(checksum.path("algorithm"));
            String value = text(checksum.path("checksumValue"));
            Optional<HashAlgorithm> known = algorithm == null ? Optional.empty() : HashAlgorithm.fromName(algorithm);
            if (known.isPresent() && value != null) {
                try {
                    builder.hash(new Hash(known.get(), value.strip()));
                } catch (InvalidInputException e) {
                    LOG.debug("{}: {} has a non-hexadecimal {} checksum", documentName, purl, algorithm);
                }
            }
        }
        licenses(text(node.path("licenseDeclared")), extracted)
                .or(() -> licenses(text(node.path("licenseConcluded")), extracted))
                .ifPresent(builder::licenses);
        facts.evidence().forEach(builder::evidence);
        return builder.build();
    }

    private static Optional<Purl> purl(JsonNode node, String documentName) {
        for (JsonNode reference : array(node.path("externalRefs"))) {
            String type = text(reference.path("referenceType"));
            String locator = text(reference.path("referenceLocator"));
            if (type != null && type.equalsIgnoreCase("purl") && locator != null) {
                try {
                    return Optional.of(Purl.parse(locator.strip()));
                } catch (InvalidInputException e) {
                    LOG.debug("{}: invalid purl {}", documentName, locator);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * NOASSERTION and NONE say nothing about the package. A conjunction whose every operand is
     * parenthesized is how {@link SpdxJsonWriter} writes several declared licenses, so it is split back.
     */
    static Optional<List<String>> licenses(String expression, Map<String, String> extracted) {
        if (expression == null
                || expression.isBlank()
                || expression.equals("NOASSERTION")
                || expression.equals("NONE")) {
            return Optional.empty();
        }
        List<String> terms = splitParenthesizedConjunction(expression.strip());
        List<String> licenses = new ArrayList<>();
        for (String term : terms) {
            licenses.add(extracted.getOrDefault(term, term));
        }
        return Optional.of(licenses);
    }

    private static List<String> splitParenthesizedConjunction(String expression) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int index = 0; index < expression.length(); index++) {
            char character = expression.charAt(index);
            if (character == '(') {
                depth++;
            } else if (character == ')') {
                depth--;
            } else if (depth == 0 && expression.startsWith(" AND ", index)) {
                terms.add(expression.substring(start, index).strip());
                start = index + " AND ".length();
                index += " AND ".length() - 1;
            }
        }
        terms.add(expression.substring(start).strip());
        if (terms.size() < 2 || !terms.stream().allMatch(SpdxJsonReader::isWhollyParenthesized)) {
            return List.of(expression);
        }
        return terms.stream()
                .map(term -> term.substring(1, term.length() - 1).strip())
                .toList();
    }

    private static boolean isWhollyParenthesized(String term) {
        if (!term.startsWith("(") || !term.endsWith(")")) {
            return false;
        }
        int depth = 0;
        for (int index = 0; index < term.length(); index++) {
            char character = term.charAt(index);
            if (character == '(') {
                depth++;
            } else if (character == ')') {
                depth--;
                if (depth == 0 && index < term.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static List<Property> assayProperties(JsonNode annotations) {
        List<Property> properties = new ArrayList<>();
        for (JsonNode annotation : array(annotations)) {
            String comment = text(annotation.path("comment"));
            if (comment == null || !comment.startsWith("assay:")) {
                continue;
            }
            int separator = comment.indexOf(": ");
            if (separator > 0) {
                properties.add(new Property(comment.substring(0, separator), comment.substring(separator + 2)));
            }
        }
        return properties;
    }

    private static List<Tool> tools(JsonNode creators) {
        List<Tool> tools = new ArrayList<>();
        for (JsonNode creator : array(creators)) {
            String text = text(creator);
            if (text == null || !text.startsWith("Tool:")) {
                continue;
            }
            String tool = text.substring("Tool:".length()).strip();
            Matcher matcher = TOOL.matcher(tool);
            tools.add(
                    matcher.matches()
                            ? new Tool(null, matcher.group(1), matcher.group(2))
                            : new Tool(null, tool, null));
        }
        return tools;
    }

    private static String serialNumber(String namespace) {
        if (namespace == null) {
            return null;
        }
        Matcher matcher = TRAILING_UUID.matcher(namespace.toLowerCase(Locale.ROOT));
        return matcher.find() ? "urn:uuid:" + matcher.group(1) : null;
    }

    private static ComponentKind kind(String purpose) {
        if (purpose == null) {
            return ComponentKind.LIBRARY;
        }
        return switch (purpose.toUpperCase(Locale.ROOT).replace('_', '-')) {
            case "APPLICATION" -> ComponentKind.APPLICATION;
            case "FRAMEWORK" -> ComponentKind.FRAMEWORK;
            case "OPERATING-SYSTEM" -> ComponentKind.OPERATING_SYSTEM;
            case "CONTAINER" -> ComponentKind.CONTAINER;
            case "FILE" -> ComponentKind.FILE;
            default -> ComponentKind.LIBRARY;
        };
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
