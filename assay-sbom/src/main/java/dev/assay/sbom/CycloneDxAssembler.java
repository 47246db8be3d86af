package dev.assay.sbom;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Distro;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.InvalidInputException;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.sbom.AssayProperties.ComponentFacts;
import dev.assay.sbom.AssayProperties.MetadataFacts;
import dev.assay.sbom.CycloneDxDocument.Entry;
import dev.assay.sbom.CycloneDxDocument.RawHash;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an extracted CycloneDX document into the model.
 *
 * <ul>
 *   <li>Nested components are flattened, each with a CONTAINS edge from its parent; {@code
 *       assay:contained-by} properties (how Assay writes CONTAINS) give the same edges.
 *   <li>A component without a usable purl is kept as {@code pkg:generic/<group>/<name>@<version>}, never
 *       dropped; an unparsable purl is kept in {@code assay:original-purl}. Components with the same purl
 *       are merged.
 *   <li>An {@code operating-system} component without a purl describes the distro (as syft and Trivy
 *       write it), unless {@code assay:distro:*} metadata properties already gave it.
 *   <li>Dependency refs resolve through bom-refs; refs to nothing in the BOM are skipped.
 *   <li>Component types the model lacks (device, firmware, data, ...) read as libraries, the original in
 *       {@code assay:cyclonedx-type}.
 * </ul>
 */
final class CycloneDxAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(CycloneDxAssembler.class);

    private final String name;
    private final Map<String, Purl> purlsByRef = new HashMap<>();
    private final TreeMap<Purl, Component> components = new TreeMap<>();
    private final TreeSet<Relationship> relationships = new TreeSet<>();
    private final List<String[]> containedByRefs = new ArrayList<>();
    private Distro componentDistro;

    private CycloneDxAssembler(String name) {
        this.name = name;
    }

    static Sbom toSbom(CycloneDxDocument document, String name) {
        return new CycloneDxAssembler(name).assemble(document);
    }

    private Sbom assemble(CycloneDxDocument document) {
        Component subject = null;
        if (document.metadataComponent() != null) {
            Entry entry = document.metadataComponent();
            subject = toComponent(entry);
            register(entry.bomRef(), subject.purl());
            for (Entry child : entry.children()) {
                Purl childPurl = add(child);
                if (childPurl != null && !childPurl.equals(subject.purl())) {
                    relationships.add(Relationship.contains(subject.purl(), childPurl));
                }
            }
        }
        for (Entry entry : document.components()) {
            add(entry);
        }
        for (String[] edge : containedByRefs) {
            Purl parent = purlsByRef.get(edge[0]);
            Purl child = purlsByRef.get(edge[1]);
            if (parent != null && child != null) {
                relationships.add(Relationship.contains(parent, child));
            }
        }
        int unresolved = 0;
        for (Map.Entry<String, List<String>> dependency :
                document.dependencies().entrySet()) {
            Purl from = purlsByRef.get(dependency.getKey());
            for (String target : dependency.getValue()) {
                Purl to = purlsByRef.get(target);
                if (from != null && to != null) {
                    relationships.add(Relationship.dependsOn(from, to));
                } else {
                    unresolved++;
                }
            }
        }
        if (unresolved > 0) {
            LOG.debug("{}: {} dependency edges name bom-refs that are not in the BOM", name, unresolved);
        }

        MetadataFacts facts = AssayProperties.metadataFacts(document.metadataProperties());
        Distro distro = facts.distro() != null ? facts.distro() : componentDistro;
        if (subject != null && components.containsKey(subject.purl())) {
            subject = subject.mergedWith(components.remove(subject.purl()));
        }
        SbomMetadata metadata = new SbomMetadata(
                document.serialNumber(),
                timestamp(document.timestamp()),
                subject,
                document.tools(),
                distro,
                facts.properties());
        return new Sbom(metadata, List.copyOf(components.values()), List.copyOf(relationships), facts.unknowns());
    }

    /** Adds a component and its nested components; returns its purl, or null when it became the distro. */
    private Purl add(Entry entry) {
        if ("operating-system".equals(entry.type())
                && entry.purl() == null
                && componentDistro == null
                && entry.name() != null) {
            componentDistro = new Distro(entry.name(), entry.version(), null, entry.description());
            return null;
        }
        Component component = toComponent(entry);
        components.merge(component.purl(), component, Component::mergedWith);
        register(entry.bomRef(), component.purl());
        for (Entry child : entry.children()) {
            Purl childPurl = add(child);
            if (childPurl != null && !childPurl.equals(component.purl())) {
                relationships.add(Relationship.contains(component.purl(), childPurl));
            }
        }
        return component.purl();
    }

    private void register(String bomRef, Purl purl) {
        if (bomRef != null) {
            purlsByRef.putIfAbsent(bomRef, purl);
        }
        purlsByRef.putIfAbsent(purl.toString(), purl);
    }

    private Component toComponent(Entry entry) {
        String componentName = firstNonBlank(entry.name(), entry.bomRef(), "unnamed");
        Optional<Purl> parsed = parsePurl(entry.purl());
        Purl purl = parsed.orElseGet(() -> genericPurl(entry.group(), componentName, entry.version()));
        ComponentFacts facts = AssayProperties.componentFacts(entry.properties());
        Component.Builder builder = Component.builder(purl)
                .kind(kind(entry.type()))
                .group(entry.group() == null ? "" : entry.group())
                .name(componentName)
                .version(entry.version() == null ? "" : entry.version())
                .scope(CycloneDxWriter.scope(entry.scope()))
                .properties(facts.properties());
        if (entry.purl() != null && parsed.isEmpty()) {
            builder.property("assay:original-purl", entry.purl());
        }
        if (entry.type() != null && kindOf(entry.type()).isEmpty()) {
            builder.property("assay:cyclonedx-type", entry.type());
        }
        for (RawHash hash : entry.hashes()) {
            Optional<HashAlgorithm> algorithm = HashAlgorithm.fromName(hash.algorithm());
            if (algorithm.isPresent()) {
                try {
                    builder.hash(new Hash(algorithm.get(), hash.content().strip()));
                } catch (InvalidInputException e) {
                    LOG.debug("{}: {} has a non-hexadecimal {} digest", name, purl, hash.algorithm());
                }
            }
        }
        entry.licenses().forEach(builder::license);
        facts.evidence().forEach(builder::evidence);
        for (String parent : facts.containedBy()) {
            containedByRefs.add(new String[] {parent, purl.toString()});
        }
        return builder.build();
    }

    /** The purl a package without one gets, so that it is kept and can be referenced. */
    static Purl genericPurl(String group, String name, String version) {
        try {
            return Purl.of(PackageType.GENERIC, group, name, version);
        } catch (InvalidInputException e) {
            return Purl.of(PackageType.GENERIC, null, name.replace('/', '-'), version);
        }
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "unnamed";
    }

    private Optional<Purl> parsePurl(String purl) {
        if (purl == null || purl.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Purl.parse(purl.strip()));
        } catch (InvalidInputException e) {
            LOG.debug("{}: invalid purl {}", name, purl);
            return Optional.empty();
        }
    }

    private static ComponentKind kind(String type) {
        return type == null ? ComponentKind.LIBRARY : kindOf(type).orElse(ComponentKind.LIBRARY);
    }

    private static Optional<ComponentKind> kindOf(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "library" -> Optional.of(ComponentKind.LIBRARY);
            case "application" -> Optional.of(ComponentKind.APPLICATION);
            case "framework" -> Optional.of(ComponentKind.FRAMEWORK);
            case "operating-system" -> Optional.of(ComponentKind.OPERATING_SYSTEM);
            case "container" -> Optional.of(ComponentKind.CONTAINER);
            case "file" -> Optional.of(ComponentKind.FILE);
            default -> Optional.empty();
        };
    }

    static Instant timestamp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
