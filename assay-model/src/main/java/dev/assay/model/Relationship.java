package dev.assay.model;

import java.util.Comparator;
import java.util.Objects;

/** A directed edge of the dependency graph, between component references (purls). */
public record Relationship(Purl from, Purl to, RelationshipType type) implements Comparable<Relationship> {
    private static final Comparator<Relationship> ORDER = Comparator.comparing(Relationship::from)
            .thenComparing(Relationship::to)
            .thenComparing(Relationship::type);

    public Relationship {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
    }

    public static Relationship dependsOn(Purl from, Purl to) {
        return new Relationship(from, to, RelationshipType.DEPENDS_ON);
    }

    public static Relationship contains(Purl from, Purl to) {
        return new Relationship(from, to, RelationshipType.CONTAINS);
    }

    @Override
    public int compareTo(Relationship other) {
        return ORDER.compare(this, other);
    }
}
