package dev.assay.catalog.javascript;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages of one lockfile and who depends on whom. Scopes come from the lockfile when it states them
 * (npm's {@code dev}, pnpm 5/6's {@code dev}); otherwise from how a package is reached from the project:
 * reachable over production edges is required, else over optional edges optional, else (only through dev
 * dependencies) excluded. Each level is one breadth-first walk with a visited set, so dependency cycles
 * terminate and the assignment is linear in packages plus edges.
 */
final class PackageGraph {
    /** A dependency edge and the least scope it carries (a devDependencies entry is EXCLUDED). */
    record Edge(Node target, Scope scope) {}

    /** One package of the lockfile; several nodes may share a purl (pnpm peer variants) and merge later. */
    static final class Node {
        final Purl purl;
        final Component.Builder component;
        final List<Edge> dependencies = new ArrayList<>();
        /** The scope the lockfile states, or null to derive it from the graph. */
        Scope statedScope;

        private Node(Purl purl, Component.Builder component) {
            this.purl = purl;
            this.component = component;
        }

        void dependsOn(Node dependency, Scope scope) {
            if (dependency != null && dependency != this) {
                dependencies.add(new Edge(dependency, scope));
            }
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Node, Scope> seeds = new IdentityHashMap<>();
    private final List<Unknown> unknowns = new ArrayList<>();
    private Node root;

    Node add(Purl purl, Component.Builder component) {
        Node node = new Node(purl, component);
        nodes.add(node);
        return node;
    }

    /** The project itself: an application that depends on the direct dependencies. */
    Node root(Purl purl, Component.Builder component) {
        root = add(purl, component.kind(ComponentKind.APPLICATION));
        root.statedScope = Scope.REQUIRED;
        seed(root, Scope.REQUIRED);
        return root;
    }

    boolean hasRoot() {
        return root != null;
    }

    /** A direct dependency of the project: an edge from the root, or only a scope seed without a root. */
    void rootDependsOn(Node node, Scope scope) {
        if (root != null) {
            root.dependsOn(node, scope);
        } else {
            seed(node, scope);
        }
    }

    /** A starting point for deriving scopes (the project, a workspace member); the least restrictive wins. */
    void seed(Node node, Scope scope) {
        if (node != null) {
            seeds.merge(node, scope, (left, right) -> left.compareTo(right) <= 0 ? left : right);
        }
    }

    void unknown(Unknown unknown) {
        unknowns.add(unknown);
    }

    CatalogResult toResult() {
        Map<Node, Scope> derived = deriveScopes();
        List<Component> components = new ArrayList<>(nodes.size());
        List<Relationship> relationships = new ArrayList<>();
        for (Node node : nodes) {
            Scope scope = node.statedScope != null ? node.statedScope : derived.getOrDefault(node, Scope.REQUIRED);
            components.add(node.component.scope(scope).build());
            for (Edge edge : node.dependencies) {
                relationships.add(Relationship.dependsOn(node.purl, edge.target().purl));
            }
        }
        return new CatalogResult(components, relationships, unknowns);
    }

    private Map<Node, Scope> deriveScopes() {
        Map<Node, Scope> assigned = new IdentityHashMap<>();
        for (Scope level : Scope.values()) {
            ArrayDeque<Node> queue = new ArrayDeque<>(assigned.keySet());
            seeds.forEach((node, scope) -> {
                if (scope == level && !assigned.containsKey(node)) {
                    assigned.put(node, level);
                    queue.add(node);
                }
            });
            while (!queue.isEmpty()) {
                for (Edge edge : queue.poll().dependencies) {
                    if (edge.scope().compareTo(level) <= 0 && !assigned.containsKey(edge.target())) {
                        assigned.put(edge.target(), level);
                        queue.add(edge.target());
                    }
                }
            }
        }
        return assigned;
    }
}
