package dev.assay.catalog.python;

import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The packages of one lockfile by normalized name, the edges between them, and the scope each package
 * gets from how it is reached. Lockfiles name dependencies by name only (sometimes with a version when
 * one name resolved to several versions), so edges are resolved through this index.
 */
final class LockfileGraph {
    private final Map<String, List<Purl>> byName = new HashMap<>();
    private final Map<Purl, String> versions = new HashMap<>();
    private final Map<Purl, Set<Purl>> edges = new TreeMap<>();

    void addPackage(String name, String version, Purl purl) {
        List<Purl> purls = byName.computeIfAbsent(PypiPackages.normalize(name), key -> new ArrayList<>());
        if (!purls.contains(purl)) {
            purls.add(purl);
        }
        versions.put(purl, version);
    }

    /** The locked packages a dependency on {@code name} (at {@code version}, when given) can mean. */
    List<Purl> resolve(String name, String version) {
        List<Purl> candidates = byName.getOrDefault(PypiPackages.normalize(name), List.of());
        if (version == null || version.isBlank() || candidates.size() < 2) {
            return candidates;
        }
        List<Purl> matching = candidates.stream()
                .filter(purl -> version.strip().equals(versions.get(purl)))
                .toList();
        return matching.isEmpty() ? candidates : matching;
    }

    boolean contains(String name) {
        return byName.containsKey(PypiPackages.normalize(name));
    }

    void dependsOn(Purl from, Purl to) {
        if (!from.equals(to)) {
            edges.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
        }
    }

    void dependsOn(Purl from, String name, String version) {
        for (Purl to : resolve(name, version)) {
            dependsOn(from, to);
        }
    }

    Map<Purl, Set<Purl>> edges() {
        return edges;
    }

    List<Relationship> relationships() {
        List<Relationship> relationships = new ArrayList<>();
        edges.forEach((from, targets) -> targets.forEach(to -> relationships.add(Relationship.dependsOn(from, to))));
        return relationships;
    }

    /**
     * The scope of every package reachable from the starts: reachable from a required start is required,
     * else from an optional one optional, else excluded (dev). Breadth-first per scope, most important
     * first, so a package needed at runtime is never demoted because a dev tool also pulls it in.
     *
     * @param graph the edges to follow; a root's own optional and dev edges are left out of it and given
     *     as starts instead, so that they do not make their targets required
     */
    static Map<Purl, Scope> scopes(Map<Scope, Set<Purl>> starts, Map<Purl, Set<Purl>> graph) {
        Map<Purl, Scope> scopes = new HashMap<>();
        for (Scope scope : List.of(Scope.REQUIRED, Scope.OPTIONAL, Scope.EXCLUDED)) {
            Deque<Purl> pending = new ArrayDeque<>(starts.getOrDefault(scope, Set.of()));
            while (!pending.isEmpty()) {
                Purl next = pending.poll();
                if (scopes.putIfAbsent(next, scope) == null) {
                    pending.addAll(graph.getOrDefault(next, Set.of()));
                }
            }
        }
        return scopes;
    }

    /** An empty start set per scope, filled in by a parser. */
    static Map<Scope, Set<Purl>> newStarts() {
        Map<Scope, Set<Purl>> starts = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            starts.put(scope, new LinkedHashSet<>());
        }
        return starts;
    }
}
