package dev.assay.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Distro;
import dev.assay.model.Evidence;
import dev.assay.model.Hash;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.RelationshipType;
import dev.assay.model.Tool;
import dev.assay.sbom.AssayProperties.Property;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes CycloneDX 1.4, 1.5 and 1.6 JSON straight to a Jackson {@link JsonGenerator}, with the same content,
 * field order and layout as cyclonedx-core-java's {@code BomJsonGenerator} over the model {@link
 * CycloneDxWriter} builds (a test compares the two for every version).
 *
 * <p>Why not the library: its generator makes Jackson introspect the whole annotated model (annotation
 * proxies, mixins, custom serializers) on every JVM start, about a third of a small CLI run, and a
 * 10,000-component BOM took most of a second. Streaming needs only jackson-core and no intermediate model.
 * XML still goes through the library, which knows each version's element names.
 *
 * <p>The per-version differences written here: 1.4 has the legacy {@code metadata.tools} array and no
 * {@code evidence}; 1.5 has {@code tools.components} and one {@code evidence.identity} object without
 * {@code concludedValue} nor {@code occurrences[].additionalContext}; 1.6 makes {@code identity} an array and
 * has both fields. The component model and its decisions (bom-ref = purl, CONTAINS as {@code
 * assay:contained-by}, the distro as an {@code operating-system} component) are described on {@link
 * CycloneDxWriter}.
 */
final class CycloneDxJsonStreamWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CycloneDxJsonStreamWriter.class);

    /** The layout of the library's output: two-space indent, arrays one element per line, LF only. */
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    /** cyclonedx-core-java writes timestamps at second precision in UTC with a literal Z. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** A CycloneDX spec version this writer knows. */
    enum SpecVersion {
        V1_4("1.4"),
        V1_5("1.5"),
        V1_6("1.6");

        private final String text;

        SpecVersion(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        boolean atLeast(SpecVersion other) {
            return compareTo(other) >= 0;
        }

        /** null means the newest. */
        static SpecVersion of(String specVersion) {
            return switch (specVersion == null ? "1.6" : specVersion.strip()) {
                case "1.6" -> V1_6;
                case "1.5" -> V1_5;
                case "1.4" -> V1_4;
                default ->
                    throw new InvalidInputException(
                            "CycloneDX spec version '" + specVersion + "' is not supported; expected 1.4, 1.5 or 1.6",
                            specVersion);
            };
        }
    }

    /**
     * How a cataloger knew a component, with a fixed confidence: a manifest or lockfile states the package
     * (0.9), bytes of a binary strongly suggest it (0.8), a file name is a guess (0.3). The constant names
     * order the methods in the output, as they did with the library's enum.
     */
    enum Technique {
        BINARY_ANALYSIS("binary-analysis", 0.8),
        FILENAME("filename", 0.3),
        MANIFEST_ANALYSIS("manifest-analysis", 0.9);

        private final String jsonName;
        private final double confidence;

        Technique(String jsonName, double confidence) {
            this.jsonName = jsonName;
            this.confidence = confidence;
        }

        String jsonName() {
            return jsonName;
        }

        double confidence() {
            return confidence;
        }

        static Technique of(Evidence evidence) {
            String source = evidence.versionSource().toLowerCase(Locale.ROOT);
            String cataloger = evidence.catalogerId();
            if (source.equals("file name") || source.contains("filename")) {
                return FILENAME;
            }
            if (cataloger.contains("binary")
                    || cataloger.contains("archive")
                    || cataloger.contains("jar")
                    || source.contains("manifest.mf")
                    || source.contains("pom.properties")) {
                return BINARY_ANALYSIS;
            }
            return MANIFEST_ANALYSIS;
        }
    }

    private final JsonGenerator json;
    private final SpecVersion version;

    private CycloneDxJsonStreamWriter(JsonGenerator json, SpecVersion version) {
        this.json = json;
        this.version = version;
    }

    /** Writes the BOM to {@code out} (left open), without a trailing newline. */
    static void write(PreparedSbom sbom, SpecVersion version, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(
                    new DefaultPrettyPrinter().withObjectIndenter(INDENTER).withArrayIndenter(INDENTER));
            new CycloneDxJsonStreamWriter(json, version).bom(sbom);
        }
    }

    private void bom(PreparedSbom sbom) throws IOException {
        Map<Purl, List<String>> containedBy = new TreeMap<>();
        Map<Purl, List<String>> dependsOn = new TreeMap<>();
        for (Relationship relationship : sbom.relationships()) {
            if (relationship.type() == RelationshipType.CONTAINS) {
                containedBy
                        .computeIfAbsent(relationship.to(), ignored -> new ArrayList<>())
                        .add(relationship.from().toString());
            } else {
                dependsOn
                        .computeIfAbsent(relationship.from(), ignored -> new ArrayList<>())
                        .add(relationship.to().toString());
            }
        }

        json.writeStartObject();
        json.writeStringField("bomFormat", "CycloneDX");
        json.writeStringField("specVersion", version.text());
        json.writeStringField("serialNumber", sbom.serialNumber());
        json.writeNumberField("version", 1);
        metadata(sbom);

        // Like the library, an empty list is left out rather than written as [].
        if (!sbom.components().isEmpty() || sbom.distro() != null) {
            json.writeArrayFieldStart("components");
            for (Component component : sbom.components()) {
                component(component, containedBy.getOrDefault(component.purl(), List.of()), true);
            }
            if (sbom.distro() != null) {
                operatingSystem(sbom.distro());
            }
            json.writeEndArray();
        }

        // Every component and the subject get an entry, sorted by ref as text (as the library model was):
        // purl order and string order differ.
        List<DependencyEntry> entries = new ArrayList<>(sbom.components().size() + 1);
        if (sbom.subject() != null) {
            entries.add(new DependencyEntry(sbom.subject().purl()));
        }
        for (Component component : sbom.components()) {
            entries.add(new DependencyEntry(component.purl()));
        }
        entries.sort(java.util.Comparator.comparing(DependencyEntry::ref));
        // Unlike components, the library writes dependencies even when there are none.
        dependencies(entries, dependsOn);
        json.writeEndObject();
    }

    private void dependencies(List<DependencyEntry> entries, Map<Purl, List<String>> dependsOn) throws IOException {
        json.writeArrayFieldStart("dependencies");
        for (DependencyEntry entry : entries) {
            json.writeStartObject();
            json.writeStringField("ref", entry.ref());
            json.writeArrayFieldStart("dependsOn");
            for (String target : dependsOn.getOrDefault(entry.from(), List.of())) {
                json.writeString(target);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void metadata(PreparedSbom sbom) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeStringField("timestamp", TIMESTAMP.format(sbom.timestamp()));
        if (!sbom.tools().isEmpty()) {
            if (version.atLeast(SpecVersion.V1_5)) {
                json.writeObjectFieldStart("tools");
                json.writeArrayFieldStart("components");
                for (Tool tool : sbom.tools()) {
                    json.writeStartObject();
                    json.writeStringField("type", "application");
                    optionalField("group", tool.vendor());
                    json.writeStringField("name", tool.name());
                    optionalField("version", tool.version());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            } else {
                json.writeArrayFieldStart("tools");
                for (Tool tool : sbom.tools()) {
                    json.writeStartObject();
                    optionalField("vendor", tool.vendor());
                    json.writeStringField("name", tool.name());
                    optionalField("version", tool.version());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        }
        if (sbom.subject() != null) {
            json.writeFieldName("component");
            component(sbom.subject(), List.of(), false);
        }
        List<Property> properties = AssayProperties.ofMetadata(sbom.properties(), sbom.distro(), sbom.unknowns());
        if (!properties.isEmpty()) {
            properties(properties);
        }
        json.writeEndObject();
    }

    private void component(Component component, List<String> containedBy, boolean withScope) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", type(component.kind()));
        json.writeStringField("bom-ref", component.bomRef());
        optionalField("group", component.group());
        json.writeStringField("name", component.name());
        optionalField("version", component.version());
        if (withScope) {
            json.writeStringField(
                    "scope",
                    switch (component.scope()) {
                        case REQUIRED -> "required";
                        case OPTIONAL -> "optional";
                        case EXCLUDED -> "excluded";
                    });
        }
        hashes(component);
        licenses(component);
        json.writeStringField("purl", component.purl().toString());

        List<Property> properties = new ArrayList<>(AssayProperties.ofComponent(component));
        containedBy.forEach(parent -> properties.add(new Property(AssayProperties.CONTAINED_BY, parent)));
        properties.sort(null);
        if (!properties.isEmpty()) {
            properties(properties);
        }
        if (version.atLeast(SpecVersion.V1_5) && !component.evidence().isEmpty()) {
            evidence(component);
        }
        json.writeEndObject();
    }

    private void hashes(Component component) throws IOException {
        boolean started = false;
        for (Hash hash : component.hashes()) {
            if (!hasValidLength(hash)) {
                LOG.debug("{}: {} digest of wrong length left out", component.purl(), hash.algorithm());
                continue;
            }
            if (!started) {
                json.writeArrayFieldStart("hashes");
                started = true;
            }
            json.writeStartObject();
            json.writeStringField("alg", hash.algorithm().cycloneDxName());
            json.writeStringField("content", hash.hex());
            json.writeEndObject();
        }
        if (started) {
            json.writeEndArray();
        }
    }

    /**
     * CycloneDX holds either license objects or a single expression. One declared expression becomes
     * {@code expression}; otherwise every entry is a license with a valid SPDX {@code id} or, failing that,
     * its text as {@code name} (an expression among several is kept verbatim as a name rather than merged
     * with the others, so the declared list reads back unchanged).
     */
    private void licenses(Component component) throws IOException {
        if (component.licenses().isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("licenses");
        SpdxLicenses.Classified only = component.licenses().size() == 1
                ? SpdxLicenses.classify(component.licenses().first())
                : null;
        if (only != null && only.kind() == SpdxLicenses.Kind.EXPRESSION) {
            json.writeStartObject();
            json.writeStringField("expression", only.value());
            json.writeEndObject();
        } else {
            for (String declared : component.licenses()) {
                SpdxLicenses.Classified classified = SpdxLicenses.classify(declared);
                json.writeStartObject();
                json.writeObjectFieldStart("license");
                if (classified.kind() == SpdxLicenses.Kind.ID) {
                    json.writeStringField("id", classified.value());
                } else {
                    json.writeStringField("name", declared);
                }
                json.writeEndObject();
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private void properties(List<Property> properties) throws IOException {
        json.writeArrayFieldStart("properties");
        for (Property property : properties) {
            json.writeStartObject();
            json.writeStringField("name", property.name());
            json.writeStringField("value", property.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * CycloneDX 1.5+ evidence: one occurrence per distinct location (the layer goes in {@code
     * additionalContext}, which 1.6 added) and one purl identity whose methods say how each cataloger knew.
     */
    private void evidence(Component component) throws IOException {
        List<String[]> occurrences = new ArrayList<>();
        TreeMap<String, Method> methods = new TreeMap<>();
        for (Evidence item : component.evidence()) {
            String[] occurrence = {
                item.location().path(),
                item.location().layer().map(layer -> "layer " + layer).orElse(null)
            };
            boolean seen = false;
            for (String[] existing : occurrences) {
                seen |= existing[0].equals(occurrence[0]) && Objects.equals(existing[1], occurrence[1]);
            }
            if (!seen) {
                occurrences.add(occurrence);
            }
            Technique technique = Technique.of(item);
            String value =
                    item.catalogerId() + (item.versionSource().isEmpty() ? "" : " (" + item.versionSource() + ")");
            methods.putIfAbsent(technique.name() + "\u0000" + value, new Method(technique, value));
        }
        double confidence = 0.0;
        for (Method method : methods.values()) {
            confidence = Math.max(confidence, method.technique().confidence());
        }
        boolean v16 = version.atLeast(SpecVersion.V1_6);

        json.writeObjectFieldStart("evidence");
        json.writeFieldName("identity");
        if (v16) {
            json.writeStartArray();
        }
        json.writeStartObject();
        json.writeStringField("field", "purl");
        json.writeNumberField("confidence", confidence);
        if (v16) {
            json.writeStringField("concludedValue", component.purl().toString());
        }
        json.writeArrayFieldStart("methods");
        for (Method method : methods.values()) {
            json.writeStartObject();
            json.writeStringField("technique", method.technique().jsonName());
            json.writeNumberField("confidence", method.technique().confidence());
            json.writeStringField("value", method.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        if (v16) {
            json.writeEndArray();
        }
        json.writeArrayFieldStart("occurrences");
        for (String[] occurrence : occurrences) {
            json.writeStartObject();
            json.writeStringField("location", occurrence[0]);
            if (v16 && occurrence[1] != null) {
                json.writeStringField("additionalContext", occurrence[1]);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private record Method(Technique technique, String value) {}

    private record DependencyEntry(Purl from, String ref) {
        DependencyEntry(Purl from) {
            this(from, from.toString());
        }
    }

    private void operatingSystem(Distro distro) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "operating-system");
        json.writeStringField("bom-ref", "os:" + distro.purlQualifier());
        json.writeStringField("name", distro.id());
        optionalField("version", distro.versionId());
        optionalField("description", distro.prettyName());
        json.writeEndObject();
    }

    private void optionalField(String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            json.writeStringField(name, value);
        }
    }

    static String type(ComponentKind kind) {
        return switch (kind) {
            case LIBRARY -> "library";
            case APPLICATION -> "application";
            case FRAMEWORK -> "framework";
            case OPERATING_SYSTEM -> "operating-system";
            case CONTAINER -> "container";
            case FILE -> "file";
        };
    }

    /** The CycloneDX schemas fix each digest's length; a wrong one would make the whole BOM invalid. */
    static boolean hasValidLength(Hash hash) {
        int length = hash.hex().length();
        return switch (hash.algorithm()) {
            case MD5 -> length == 32;
            case SHA1 -> length == 40;
            case SHA256, SHA3_256, BLAKE2B_256 -> length == 64;
            case SHA384 -> length == 96;
            case SHA512, SHA3_512, BLAKE2B_512 -> length == 128;
            case BLAKE3 -> length == 32 || length == 40 || length == 64 || length == 96 || length == 128;
        };
    }
}
