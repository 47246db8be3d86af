package dev.assay.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An inventory: components, the graph between them and what could not be read. Every format Assay
 * reads or writes converts to and from this one value, so later capabilities never care which format an
 * SBOM arrived in.
 */
public record Sbom(
        SbomMetadata metadata, List<Component> components, List<Relationship> relationships, List<Unknown> unknowns) {

    public Sbom {
        components = List.copyOf(components);
        relationships = List.copyOf(relationships);
        unknowns = List.copyOf(unknowns);
    }

    public Map<Purl, Component> componentsByPurl() {
        return components.stream()
                .collect(Collectors.toMap(Component::purl, Function.identity(), Component::mergedWith));
    }

    public Optional<Component> component(Purl purl) {
        return components.stream()
                .filter(component -> component.purl().equals(purl))
                .findFirst();
    }

    public Sbom withMetadata(SbomMetadata metadata) {
        return new Sbom(metadata, components, relationships, unknowns);
    }
}
