package dev.assay.catalog.spi;

import dev.assay.model.Component;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import java.util.ArrayList;
import java.util.List;

/** What one cataloger (or one parsed file) found. */
public record CatalogResult(List<Component> components, List<Relationship> relationships, List<Unknown> unknowns) {
    public static final CatalogResult EMPTY = new CatalogResult(List.of(), List.of(), List.of());

    public CatalogResult {
        components = List.copyOf(components);
        relationships = List.copyOf(relationships);
        unknowns = List.copyOf(unknowns);
    }

    public static CatalogResult of(List<Component> components, List<Relationship> relationships) {
        return new CatalogResult(components, relationships, List.of());
    }

    public static CatalogResult of(List<Component> components) {
        return new CatalogResult(components, List.of(), List.of());
    }

    public static CatalogResult unknown(Unknown unknown) {
        return new CatalogResult(List.of(), List.of(), List.of(unknown));
    }

    public CatalogResult plus(CatalogResult other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Component> allComponents = new ArrayList<>(components);
        allComponents.addAll(other.components);
        List<Relationship> allRelationships = new ArrayList<>(relationships);
        allRelationships.addAll(other.relationships);
        List<Unknown> allUnknowns = new ArrayList<>(unknowns);
        allUnknowns.addAll(other.unknowns);
        return new CatalogResult(allComponents, allRelationships, allUnknowns);
    }

    public boolean isEmpty() {
        return components.isEmpty() && relationships.isEmpty() && unknowns.isEmpty();
    }
}
