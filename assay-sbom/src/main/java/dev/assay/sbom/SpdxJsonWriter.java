package dev.assay.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Evidence;
import dev.assay.model.Hash;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import dev.assay.model.Tool;
import dev.assay.sbom.AssayProperties.Property;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes SPDX 2.3 JSON with plain Jackson: the document is a flat list of packages and relationships, so
 * a tree of nodes is simpler and far smaller than the SPDX Java library's object store.
 *
 * <p>Decisions: every package gets {@code downloadLocation NOASSERTION}, {@code filesAnalyzed false},
 * {@code licenseConcluded NOASSERTION} (Assay declares, it does not conclude). Declared licenses that
 * are not valid SPDX become {@code LicenseRef-} ids listed in {@code hasExtractedLicensingInfos}; several
 * declared licenses are written as a conjunction of parenthesized terms, which {@link SpdxJsonReader}
 * splits back. Evidence is summarized in {@code sourceInfo}, and the exact {@code assay:*} properties
 * (evidence, scope, the component's own properties) travel as {@code OTHER} annotations whose comment is
 * {@code "name: value"}; the SBOM's properties, distro and unknowns are document annotations. The subject
 * {@code CONTAINS} every component it has no explicit relationship to, marked with the comment
 * {@value #IMPLIED} so that reading does not add those edges to the graph.
 */
final class SpdxJsonWriter {
    static final String IMPLIED = "assay:implied";
    static final String GROUP = "assay:group";
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SpdxJsonWriter() {}

    static void requireVersion(String specVersion) {
        if (specVersion != null && !specVersion.strip().equals("2.3")) {
            throw new InvalidInputException(
                    "SPDX spec version '" + specVersion + "' is not supported; Assay writes SPDX 2.3", specVersion);
        }
    }

    static String write(PreparedSbom sbom) {
        String created = DateTimeFormatter.ISO_INSTANT.format(sbom.timestamp());
        String annotator = "Tool: " + toolName(sbom.tools());
        String documentName =
                sbom.subject() == null ? "assay-sbom" : sbom.subject().name();

        ObjectNode document = NODES.objectNode();
        document.put("spdxVersion", "SPDX-2.3");
        document.put("dataLicense", "CC0-1.0");
        document.put("SPDXID", "SPDXRef-DOCUMENT");
        document.put("name", documentName);
        document.put(
                "documentNamespace", "https://assay.dev/spdxdocs/" + sanitize(documentName) + "-" + sbom.serialUuid());
        ObjectNode creationInfo = document.putObject("creationInfo");
        ArrayNode creators = creationInfo.putArray("creators");
        if (sbom.tools().isEmpty()) {
            creators.add("Tool: assay");
        }
        for (Tool tool : sbom.tools()) {
            creators.add("Tool: " + toolName(List.of(tool)));
        }
        creationInfo.put("created", created);

        List<Property> metadataProperties =
                AssayProperties.ofMetadata(sbom.properties(), sbom.distro(), sbom.unknowns());
        if (!metadataProperties.isEmpty()) {
            annotations(document, metadataProperties, annotator, created);
        }

        Map<Purl, String> ids = new TreeMap<>();
        Set<String> used = new HashSet<>();
        if (sbom.subject() != null) {
            ids.put(sbom.subject().purl(), spdxId(sbom.subject(), used));
        }
        for (Component component : sbom.components()) {
            ids.put(component.purl(), spdxId(component, used));
        }

        TreeMap<String, ObjectNode> extractedLicenses = new TreeMap<>();
        ArrayNode packages = document.putArray("packages");
        if (sbom.subject() != null) {
            packages.add(packageNode(sbom.subject(), ids, extractedLicenses, annotator, created));
        }
        for (Component component : sbom.components()) {
            packages.add(packageNode(component, ids, extractedLicenses, annotator, created));
        }
        if (!extractedLicenses.isEmpty()) {
            document.putArray("hasExtractedLicensingInfos").addAll(extractedLicenses.values());
        }

        ArrayNode relationships = document.putArray("relationships");
        if (sbom.subject() != null) {
            relationship(
                    relationships,
                    "SPDXRef-DOCUMENT",
                    "DESCRIBES",
                    ids.get(sbom.subject().purl()),
                    null);
        } else {
            for (Component component : sbom.components()) {
                relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", ids.get(component.purl()), null);
            }
        }
        Set<Purl> relatedToSubject = new HashSet<>();
        for (Relationship relationship : sbom.relationships()) {
            relationship(
                    relationships,
                    ids.get(relationship.from()),
                    relationship.type().name(),
                    ids.get(relationship.to()),
                    null);
            if (sbom.subject() != null
                    && relationship.from().equals(sbom.subject().purl())) {
                relatedToSubject.add(relationship.to());
            }
        }
        if (sbom.subject() != null) {
            String subjectId = ids.get(sbom.subject().purl());
            for (Component component : sbom.components()) {
                if (!relatedToSubject.contains(component.purl())) {
                    relationship(relationships, subjectId, "CONTAINS", ids.get(component.purl()), IMPLIED);
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an SPDX document Assay built", e);
        }
    }

    private static ObjectNode packageNode(
            Component component,
            Map<Purl, String> ids,
            Map<String, ObjectNode> extractedLicenses,
            String annotator,
            String created) {
        ObjectNode node = NODES.objectNode();
        node.put("name", component.name());
        node.put("SPDXID", ids.get(component.purl()));
        if (!component.version().isEmpty()) {
            node.put("versionInfo", component.version());
        }
        node.put("downloadLocation", "NOASSERTION");
        node.put("filesAnalyzed", false);
        if (!component.hashes().isEmpty()) {
            ArrayNode checksums = node.putArray("checksums");
            for (Hash hash : component.hashes()) {
                checksums
                        .addObject()
                        .put("algorithm", hash.algorithm().spdxName())
                        .put("checksumValue", hash.hex());
            }
        }
        node.put("licenseConcluded", "NOASSERTION");
        node.put("licenseDeclared", licenseDeclared(component, extractedLicenses));
        if (!component.evidence().isEmpty()) {
            node.put("sourceInfo", sourceInfo(component));
        }
        ArrayNode externalRefs = node.putArray("externalRefs");
        externalRefs
                .addObject()
                .put("referenceCategory", "PACKAGE-MANAGER")
                .put("referenceType", "purl")
                .put("referenceLocator", component.purl().toString());
        node.put("primaryPackagePurpose", purpose(component.kind()));
        List<Property> properties = new ArrayList<>(AssayProperties.ofComponent(component));
        if (component.scope() != Scope.REQUIRED) {
            properties.add(
                    new Property(AssayProperties.SCOPE, component.scope().name().toLowerCase(Locale.ROOT)));
        }
        if (!component.group().equals(component.purl().namespace().orElse(""))) {
            // SPDX has no group; readers take it from the purl, so only a different one is recorded.
            properties.add(new Property(GROUP, component.group()));
        }
        properties.sort(null);
        if (!properties.isEmpty()) {
            annotations(node, properties, annotator, created);
        }
        return node;
    }

    private static String licenseDeclared(Component component, Map<String, ObjectNode> extractedLicenses) {
        if (component.licenses().isEmpty()) {
            return "NOASSERTION";
        }
        List<String> terms = new ArrayList<>();
        for (String declared : component.licenses()) {
            SpdxLicenses.Classified classified = SpdxLicenses.classify(declared);
            terms.add(
                    classified.kind() == SpdxLicenses.Kind.NAME
                            ? licenseRef(classified.value(), extractedLicenses)
                            : classified.value());
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        return terms.stream().map(term -> "(" + term + ")").collect(Collectors.joining(" AND "));
    }

    /** A stable {@code LicenseRef-} for a free-text license, shared by every package that declares it. */
    private static String licenseRef(String name, Map<String, ObjectNode> extractedLicenses) {
        String base = "LicenseRef-" + sanitize(name);
        ObjectNode existing = extractedLicenses.get(base);
        if (existing != null && existing.path("name").asText().equals(name)) {
            return base;
        }
        // Two names that sanitize alike ("A B" and "A/B") get distinct ids through a digest suffix.
        String id = existing == null
                ? base
                : base + "-" + DeterministicIds.sha256Hex(name).substring(0, 8);
        extractedLicenses.computeIfAbsent(id, key -> {
            ObjectNode info = NODES.objectNode();
            info.put("licenseId", key);
            info.put("extractedText", name);
            info.put("name", name);
            return info;
        });
        return id;
    }

    private static String sourceInfo(Component component) {
        return component.evidence().stream().map(SpdxJsonWriter::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Evidence evidence) {
        StringBuilder text = new StringBuilder("found by ").append(evidence.catalogerId());
        text.append(" in ").append(evidence.location().path());
        evidence.location()
                .layer()
                .ifPresent(layer -> text.append(" (layer ").append(layer).append(')'));
        if (!evidence.versionSource().isEmpty()) {
            text.append(", version from ").append(evidence.versionSource());
        }
        return text.toString();
    }

    private static void annotations(ObjectNode node, List<Property> properties, String annotator, String created) {
        ArrayNode annotations = node.putArray("annotations");
        for (Property property : properties) {
            annotations
                    .addObject()
                    .put("annotator", annotator)
                    .put("annotationDate", created)
                    .put("annotationType", "OTHER")
                    .put("comment", property.name() + ": " + property.value());
        }
    }

    private static void relationship(ArrayNode relationships, String from, String type, String to, String comment) {
        ObjectNode node = relationships.addObject();
        node.put("spdxElementId", from);
        node.put("relationshipType", type);
        node.put("relatedSpdxElement", to);
        if (comment != null) {
            node.put("comment", comment);
        }
    }

    /**
     * {@code SPDXRef-Package-<name>-<version>-<16 hex of the purl's SHA-256>}: readable, limited to the
     * characters SPDX allows, and unique because two purls never share the digest prefix in practice (a
     * clash still gets a counter).
     */
    private static String spdxId(Component component, Set<String> used) {
        StringBuilder id = new StringBuilder("SPDXRef-Package-").append(sanitize(component.name()));
        if (!component.version().isEmpty()) {
            id.append('-').append(sanitize(component.version()));
        }
        id.append('-').append(DeterministicIds.sha256Hex(component.purl().toString()), 0, 16);
        String candidate = id.toString();
        int counter = 2;
        while (!used.add(candidate)) {
            candidate = id + "-" + counter++;
        }
        return candidate;
    }

    static String purpose(ComponentKind kind) {
        return switch (kind) {
            case LIBRARY -> "LIBRARY";
            case APPLICATION -> "APPLICATION";
            case FRAMEWORK -> "FRAMEWORK";
            case OPERATING_SYSTEM -> "OPERATING_SYSTEM";
            case CONTAINER -> "CONTAINER";
            case FILE -> "FILE";
        };
    }

    private static String toolName(List<Tool> tools) {
        if (tools.isEmpty()) {
            return "assay";
        }
        Tool tool = tools.get(0);
        return tool.version() == null || tool.version().isEmpty() ? tool.name() : tool.name() + "-" + tool.version();
    }

    /** Only letters, digits, dots and dashes are allowed in SPDX ids. */
    static String sanitize(String text) {
        String sanitized = text.replaceAll("[^A-Za-z0-9.-]+", "-");
        return sanitized.isEmpty() ? "unnamed" : sanitized;
    }
}
