package dev.assay.match;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.RelationshipType;
import dev.assay.model.Sbom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shortest path from a direct dependency down to each component, over the SBOM's {@code DEPENDS_ON}
 * edges ({@code CONTAINS} is packaging, not dependency, and is not followed).
 *
 * <p>Roots are the scanned thing (the SBOM's subject), every component nothing depends on, and, below them,
 * an application component that only roots depend on: Assay's inventory links the subject to the project
 * roots of lockfiles ("subject depends on graph roots"), and the project's own dependencies are what its
 * users call direct. A direct dependency is one a root depends on; its path is itself alone. A root that is a
 * component is its own path too. Without any {@code DEPENDS_ON} edge, or for a component only reachable
 * through a cycle no root leads into, the path is empty: unknown, never guessed.
 *
 * <p>Built once per SBOM in linear time (a breadth-first search from all roots at once). Roots and each
 * node's dependencies are visited in purl order, so which of several equally short paths is reported does
 * not depend on the order of the SBOM's edges.
 */
public final class DependencyPaths {
    private final Map<Purl, Purl> parentOf;
    private final Set<Purl> roots;
    private final Set<Purl> nodes;
    private final boolean hasGraph;

    private DependencyPaths(Map<Purl, Purl> parentOf, Set<Purl> roots, Set<Purl> nodes, boolean hasGraph) {
        this.parentOf = parentOf;
        this.roots = roots;
        this.nodes = nodes;
        this.hasGraph = hasGraph;
    }

    public static DependencyPaths of(Sbom sbom) {
        Map<Purl, TreeSet<Purl>> children = new HashMap<>();
        Map<Purl, Set<Purl>> parents = new HashMap<>();
        Set<Purl> nodes = new HashSet<>();
        for (Relationship relationship : sbom.relationships()) {
            if (relationship.type() != RelationshipType.DEPENDS_ON
                    || relationship.from().equals(relationship.to())) {
                continue;
            }
            children.computeIfAbsent(relationship.from(), ignored -> new TreeSet<>())
                    .add(relationship.to());
            parents.computeIfAbsent(relationship.to(), ignored -> new HashSet<>())
                    .add(relationship.from());
            nodes.add(relationship.from());
            nodes.add(relationship.to());
        }
        if (nodes.isEmpty()) {
            return new DependencyPaths(Map.of(), Set.of(), Set.of(), false);
        }
        Map<Purl, ComponentKind> kinds = new HashMap<>();
        for (Component component : sbom.components()) {
            kinds.put(component.purl(), component.kind());
        }
        Set<Purl> roots = new HashSet<>();
        Component subject = sbom.metadata() == null ? null : sbom.metadata().subject();
        if (subject != null) {
            roots.add(subject.purl());
        }
        for (Purl node : nodes) {
            if (!parents.containsKey(node)) {
                roots.add(node);
            }
        }
        // Project roots: applications that only roots depend on are roots themselves.
        ArrayDeque<Purl> pending = new ArrayDeque<>(new TreeSet<>(roots));
        while (!pending.isEmpty()) {
            Purl root = pending.removeFirst();
            for (Purl child : children.getOrDefault(root, EMPTY)) {
                if (!roots.contains(child)
                        && kinds.get(child) == ComponentKind.APPLICATION
                        && roots.containsAll(parents.get(child))) {
                    roots.add(child);
                    pending.addLast(child);
                }
            }
        }
        Map<Purl, Purl> parentOf = new HashMap<>();
        ArrayDeque<Purl> queue = new ArrayDeque<>(new TreeSet<>(roots));
        Set<Purl> visited = new HashSet<>(roots);
        while (!queue.isEmpty()) {
            Purl current = queue.removeFirst();
            for (Purl child : children.getOrDefault(current, EMPTY)) {
                if (visited.add(child)) {
                    parentOf.put(child, current);
                    queue.addLast(child);
                }
            }
        }
        return new DependencyPaths(parentOf, roots, nodes, true);
    }

    private static final TreeSet<Purl> EMPTY = new TreeSet<>();

    /** Whether the SBOM has any dependency edge at all. */
    public boolean hasGraph() {
        return hasGraph;
    }

    /**
     * From the direct dependency down to {@code component} (last); one element when it is direct or a root;
     * empty when the SBOM has no graph or no root leads to it.
     */
    public List<Purl> pathTo(Purl component) {
        if (!hasGraph || !nodes.contains(component)) {
            return List.of();
        }
        if (roots.contains(component)) {
            return List.of(component);
        }
        if (!parentOf.containsKey(component)) {
            return List.of();
        }
        List<Purl> path = new ArrayList<>();
        Purl current = component;
        while (current != null && !roots.contains(current)) {
            path.add(current);
            current = parentOf.get(current);
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }
}
