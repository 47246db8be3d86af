package dev.assay.sbom;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Distro;
import dev.assay.model.Evidence;
import dev.assay.model.Hash;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.RelationshipType;
import dev.assay.model.Scope;
import dev.assay.model.Tool;
import dev.assay.sbom.AssayProperties.Property;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.component.evidence.Identity;
import org.cyclonedx.model.component.evidence.Method;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes CycloneDX 1.4, 1.5 and 1.6 XML through cyclonedx-core-java's model and generators, which already
 * know each version's shape (tools as a list in 1.4 and as {@code tools.components} later, the XML element
 * names, which fields a version lacks). JSON is written by {@link CycloneDxJsonStreamWriter} without the
 * library's model (its Jackson introspection dominated small runs); {@link #write} can still produce the
 * library's JSON, which tests compare the stream writer against.
 *
 * <p>Decisions: a component's bom-ref is its purl. DEPENDS_ON edges become {@code dependencies}, with an
 * entry for every component and the metadata component. CONTAINS edges are recorded on the contained
 * component as {@code assay:contained-by} properties (one per parent) rather than by nesting components:
 * nesting forces a tree (a package in two layers has two parents), duplicates components and makes
 * consumers that read only the top level miss them. The distro is written both as {@code assay:distro:*}
 * metadata properties and as an {@code operating-system} component, which scanners look for.
 */
final class CycloneDxWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CycloneDxWriter.class);

    private CycloneDxWriter() {}

    static Version version(String specVersion) {
        return switch (CycloneDxJsonStreamWriter.SpecVersion.of(specVersion)) {
            case V1_6 -> Version.VERSION_16;
            case V1_5 -> Version.VERSION_15;
            case V1_4 -> Version.VERSION_14;
        };
    }

    static String write(PreparedSbom sbom, Version version, boolean xml) {
        Bom bom = toBom(sbom, version);
        try {
            if (xml) {
                return BomGeneratorFactory.createXml(version, bom).toXmlString();
            }
            return BomGeneratorFactory.createJson(version, bom).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("cyclonedx-core-java failed to write a BOM Assay built", e);
        }
    }

    static Bom toBom(PreparedSbom sbom, Version version) {
        Bom bom = new Bom();
        bom.setSerialNumber(sbom.serialNumber());
        bom.setVersion(1);
        bom.setMetadata(metadata(sbom, version));

        Map<Purl, List<String>> containedBy = new TreeMap<>();
        Map<Purl, List<String>> dependsOn = new TreeMap<>();
        for (Relationship relationship : sbom.relationships()) {
            Map<Purl, List<String>> target = relationship.type() == RelationshipType.CONTAINS ? containedBy : null;
            if (target != null) {
                target.computeIfAbsent(relationship.to(), ignored -> new ArrayList<>())
                        .add(relationship.from().toString());
            } else {
                dependsOn
                        .computeIfAbsent(relationship.from(), ignored -> new ArrayList<>())
                        .add(relationship.to().toString());
            }
        }

        List<org.cyclonedx.model.Component> components = new ArrayList<>();
        for (Component component : sbom.components()) {
            components.add(component(component, version, containedBy.getOrDefault(component.purl(), List.of())));
        }
        if (sbom.distro() != null) {
            components.add(operatingSystem(sbom.distro()));
        }
        bom.setComponents(components);

        List<Dependency> dependencies = new ArrayList<>();
        if (sbom.subject() != null) {
            dependencies.add(dependency(sbom.subject().purl(), dependsOn));
        }
        for (Component component : sbom.components()) {
            dependencies.add(dependency(component.purl(), dependsOn));
        }
        dependencies.sort(java.util.Comparator.comparing(Dependency::getRef));
        bom.setDependencies(dependencies);
        return bom;
    }

    private static Metadata metadata(PreparedSbom sbom, Version version) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(sbom.timestamp()));
        if (!sbom.tools().isEmpty()) {
            if (version.getVersion() >= Version.VERSION_15.getVersion()) {
                ToolInformation tools = new ToolInformation();
                List<org.cyclonedx.model.Component> toolComponents = new ArrayList<>();
                for (Tool tool : sbom.tools()) {
                    org.cyclonedx.model.Component component = new org.cyclonedx.model.Component();
                    component.setType(org.cyclonedx.model.Component.Type.APPLICATION);
                    component.setGroup(emptyToNull(tool.vendor()));
                    component.setName(tool.name());
                    component.setVersion(emptyToNull(tool.version()));
                    toolComponents.add(component);
                }
                tools.setComponents(toolComponents);
                metadata.setToolChoice(tools);
            } else {
                List<org.cyclonedx.model.Tool> tools = new ArrayList<>();
                for (Tool tool : sbom.tools()) {
                    org.cyclonedx.model.Tool legacy = new org.cyclonedx.model.Tool();
                    legacy.setVendor(emptyToNull(tool.vendor()));
                    legacy.setName(tool.name());
                    legacy.setVersion(emptyToNull(tool.version()));
                    tools.add(legacy);
                }
                metadata.setTools(tools);
            }
        }
        if (sbom.subject() != null) {
            org.cyclonedx.model.Component subject = component(sbom.subject(), version, List.of());
            subject.setScope(null);
            metadata.setComponent(subject);
        }
        List<org.cyclonedx.model.Property> properties = new ArrayList<>();
        for (Property property : AssayProperties.ofMetadata(sbom.properties(), sbom.distro(), sbom.unknowns())) {
            properties.add(new org.cyclonedx.model.Property(property.name(), property.value()));
        }
        if (!properties.isEmpty()) {
            metadata.setProperties(properties);
        }
        return metadata;
    }

    private static org.cyclonedx.model.Component component(
            Component component, Version version, List<String> containedBy) {
        org.cyclonedx.model.Component result = new org.cyclonedx.model.Component();
        result.setType(type(component.kind()));
        result.setBomRef(component.bomRef());
        result.setGroup(emptyToNull(component.group()));
        result.setName(component.name());
        result.setVersion(emptyToNull(component.version()));
        result.setPurl(component.purl().toString());
        result.setScope(
                switch (component.scope()) {
                    case REQUIRED -> org.cyclonedx.model.Component.Scope.REQUIRED;
                    case OPTIONAL -> org.cyclonedx.model.Component.Scope.OPTIONAL;
                    case EXCLUDED -> org.cyclonedx.model.Component.Scope.EXCLUDED;
                });
        List<org.cyclonedx.model.Hash> hashes = new ArrayList<>();
        for (Hash hash : component.hashes()) {
            if (hasValidLength(hash)) {
                hashes.add(new org.cyclonedx.model.Hash(hash.algorithm().cycloneDxName(), hash.hex()));
            } else {
                LOG.debug("{}: {} digest of wrong length left out", component.purl(), hash.algorithm());
            }
        }
        if (!hashes.isEmpty()) {
            result.setHashes(hashes);
        }
        licenses(component).ifPresent(result::setLicenses);

        List<org.cyclonedx.model.Property> properties = new ArrayList<>();
        List<Property> all = new ArrayList<>(AssayProperties.ofComponent(component));
        containedBy.forEach(parent -> all.add(new Property(AssayProperties.CONTAINED_BY, parent)));
        all.sort(null);
        all.forEach(property -> properties.add(new org.cyclonedx.model.Property(property.name(), property.value())));
        if (!properties.isEmpty()) {
            result.setProperties(properties);
        }
        if (version.getVersion() >= Version.VERSION_15.getVersion()
                && !component.evidence().isEmpty()) {
            result.setEvidence(evidence(component));
        }
        return result;
    }

    /**
     * CycloneDX holds either license objects or a single expression. One declared expression becomes
     * {@code expression}; otherwise every entry is a license with a valid SPDX {@code id} or, failing
     * that, its text as {@code name} (an expression among several is kept verbatim as a name rather than
     * merged with the others, so the declared list reads back unchanged).
     */
    private static java.util.Optional<LicenseChoice> licenses(Component component) {
        if (component.licenses().isEmpty()) {
            return java.util.Optional.empty();
        }
        LicenseChoice choice = new LicenseChoice();
        if (component.licenses().size() == 1) {
            SpdxLicenses.Classified only =
                    SpdxLicenses.classify(component.licenses().first());
            if (only.kind() == SpdxLicenses.Kind.EXPRESSION) {
                choice.setExpression(new Expression(only.value()));
                return java.util.Optional.of(choice);
            }
        }
        List<License> licenses = new ArrayList<>();
        for (String declared : component.licenses()) {
            SpdxLicenses.Classified classified = SpdxLicenses.classify(declared);
            License license = new License();
            if (classified.kind() == SpdxLicenses.Kind.ID) {
                license.setId(classified.value());
            } else {
                license.setName(declared);
            }
            licenses.add(license);
        }
        choice.setLicenses(licenses);
        return java.util.Optional.of(choice);
    }

    /**
     * CycloneDX 1.5+ evidence: one occurrence per location (the layer goes in {@code additionalContext},
     * which 1.6 added) and one purl identity whose methods say how each cataloger knew. Confidence per
     * technique is a fixed judgement: a manifest or lockfile states the package (0.9), bytes of a binary
     * strongly suggest it (0.8), a file name is a guess (0.3).
     */
    private static org.cyclonedx.model.Evidence evidence(Component component) {
        org.cyclonedx.model.Evidence evidence = new org.cyclonedx.model.Evidence();
        List<Occurrence> occurrences = new ArrayList<>();
        TreeMap<String, Method> methods = new TreeMap<>();
        for (Evidence item : component.evidence()) {
            Occurrence occurrence = new Occurrence();
            occurrence.setLocation(item.location().path());
            item.location().layer().ifPresent(layer -> occurrence.setAdditionalContext("layer " + layer));
            if (occurrences.stream().noneMatch(existing -> sameOccurrence(existing, occurrence))) {
                occurrences.add(occurrence);
            }
            Method.Technique technique = technique(item);
            String value =
                    item.catalogerId() + (item.versionSource().isEmpty() ? "" : " (" + item.versionSource() + ")");
            methods.computeIfAbsent(technique.name() + "\u0000" + value, ignored -> {
                Method method = new Method();
                method.setTechnique(technique);
                method.setConfidence(confidence(technique));
                method.setValue(value);
                return method;
            });
        }
        evidence.setOccurrences(occurrences);
        Identity identity = new Identity();
        identity.setField(Identity.Field.PURL);
        identity.setConfidence(methods.values().stream()
                .mapToDouble(Method::getConfidence)
                .max()
                .orElse(0.0));
        identity.setConcludedValue(component.purl().toString());
        identity.setMethods(new ArrayList<>(methods.values()));
        evidence.setIdentities(List.of(identity));
        return evidence;
    }

    private static boolean sameOccurrence(Occurrence first, Occurrence second) {
        return first.getLocation().equals(second.getLocation())
                && java.util.Objects.equals(first.getAdditionalContext(), second.getAdditionalContext());
    }

    /** The library's technique for {@link CycloneDxJsonStreamWriter.Technique}, which decides it. */
    static Method.Technique technique(Evidence evidence) {
        return switch (CycloneDxJsonStreamWriter.Technique.of(evidence)) {
            case FILENAME -> Method.Technique.FILENAME;
            case BINARY_ANALYSIS -> Method.Technique.BINARY_ANALYSIS;
            case MANIFEST_ANALYSIS -> Method.Technique.MANIFEST_ANALYSIS;
        };
    }

    private static double confidence(Method.Technique technique) {
        return switch (technique) {
            case FILENAME -> CycloneDxJsonStreamWriter.Technique.FILENAME.confidence();
            case BINARY_ANALYSIS -> CycloneDxJsonStreamWriter.Technique.BINARY_ANALYSIS.confidence();
            default -> CycloneDxJsonStreamWriter.Technique.MANIFEST_ANALYSIS.confidence();
        };
    }

    private static org.cyclonedx.model.Component operatingSystem(Distro distro) {
        org.cyclonedx.model.Component os = new org.cyclonedx.model.Component();
        os.setType(org.cyclonedx.model.Component.Type.OPERATING_SYSTEM);
        os.setBomRef("os:" + distro.purlQualifier());
        os.setName(distro.id());
        os.setVersion(emptyToNull(distro.versionId()));
        os.setDescription(emptyToNull(distro.prettyName()));
        return os;
    }

    private static Dependency dependency(Purl from, Map<Purl, List<String>> dependsOn) {
        Dependency dependency = new Dependency(from.toString());
        List<Dependency> targets = new ArrayList<>();
        for (String target : dependsOn.getOrDefault(from, List.of())) {
            targets.add(new Dependency(target));
        }
        if (!targets.isEmpty()) {
            dependency.setDependencies(targets);
        }
        return dependency;
    }

    static org.cyclonedx.model.Component.Type type(ComponentKind kind) {
        return switch (kind) {
            case LIBRARY -> org.cyclonedx.model.Component.Type.LIBRARY;
            case APPLICATION -> org.cyclonedx.model.Component.Type.APPLICATION;
            case FRAMEWORK -> org.cyclonedx.model.Component.Type.FRAMEWORK;
            case OPERATING_SYSTEM -> org.cyclonedx.model.Component.Type.OPERATING_SYSTEM;
            case CONTAINER -> org.cyclonedx.model.Component.Type.CONTAINER;
            case FILE -> org.cyclonedx.model.Component.Type.FILE;
        };
    }

    private static boolean hasValidLength(Hash hash) {
        return CycloneDxJsonStreamWriter.hasValidLength(hash);
    }

    static Scope scope(String value) {
        if (value == null) {
            return Scope.REQUIRED;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "optional" -> Scope.OPTIONAL;
            case "excluded" -> Scope.EXCLUDED;
            default -> Scope.REQUIRED;
        };
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
