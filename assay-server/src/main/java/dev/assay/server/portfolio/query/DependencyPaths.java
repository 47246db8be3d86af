package dev.assay.server.portfolio.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Dependency paths from the roots of a version's graph down to given components. The graph is walked
 * upwards (edges are indexed by target), one query per level for every component at once, so the cost
 * grows with the depth of the graph rather than with the number of affected components.
 */
final class DependencyPaths {
    /** Partial paths examined per component at most: a graph of diamonds has exponentially many paths. */
    private static final int EXPANSIONS_PER_COMPONENT = 4_096;

    private DependencyPaths() {}

    /**
     * @return for each component id, its paths as purls from a root down to the component, shortest first
     */
    static Map<Long, List<List<String>>> find(Handle handle, Collection<Long> components, ImpactLimits limits) {
        Map<Long, List<List<String>>> result = new HashMap<>();
        if (components.isEmpty() || limits.maxPathsPerComponent() == 0) {
            return result;
        }
        Map<Long, Set<Long>> parents = parentsUpTo(handle, components, limits.maxPathDepth());
        Map<Long, List<List<Long>>> idPaths = new HashMap<>();
        Set<Long> onPaths = new HashSet<>();
        for (Long component : components) {
            List<List<Long>> paths = shortestPaths(component, parents, limits);
            idPaths.put(component, paths);
            paths.forEach(onPaths::addAll);
        }
        Map<Long, String> purls = purls(handle, onPaths);
        idPaths.forEach((component, paths) -> result.put(
                component,
                paths.stream()
                        .map(path -> path.stream().map(purls::get).toList())
                        .toList()));
        return result;
    }

    /**
     * The parents of every node within {@code depth} edges above the components; a node present as a key
     * with no parents is a root, a node absent was not reached.
     */
    private static Map<Long, Set<Long>> parentsUpTo(Handle handle, Collection<Long> components, int depth) {
        Map<Long, Set<Long>> parents = new HashMap<>();
        Set<Long> frontier = new LinkedHashSet<>(components);
        for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
            frontier.forEach(node -> parents.put(node, new LinkedHashSet<>()));
            handle.createQuery("""
                            SELECT from_component, to_component FROM dependency_edges
                            WHERE to_component = ANY(:targets) ORDER BY to_component, from_component""")
                    .bindArray("targets", Long.class, frontier)
                    .map((row, context) -> new long[] {row.getLong(1), row.getLong(2)})
                    .forEach(edge -> parents.get(edge[1]).add(edge[0]));
            Set<Long> next = new LinkedHashSet<>();
            for (Long node : frontier) {
                for (Long parent : parents.get(node)) {
                    if (!parents.containsKey(parent)) {
                        next.add(parent);
                    }
                }
            }
            frontier = next;
        }
        return parents;
    }

    /** Breadth-first upwards, so the first complete paths found are the shortest ones. */
    private static List<List<Long>> shortestPaths(Long component, Map<Long, Set<Long>> parents, ImpactLimits limits) {
        List<List<Long>> found = new ArrayList<>();
        ArrayDeque<List<Long>> queue = new ArrayDeque<>();
        queue.add(List.of(component));
        int expansions = 0;
        while (!queue.isEmpty()
                && found.size() < limits.maxPathsPerComponent()
                && expansions++ < EXPANSIONS_PER_COMPONENT) {
            List<Long> upwards = queue.poll();
            Long top = upwards.getLast();
            Set<Long> above = parents.get(top);
            if (above == null) {
                continue; // beyond the depth limit: no root reached within it
            }
            if (above.isEmpty()) {
                found.add(upwards.reversed());
                continue;
            }
            for (Long parent : above) {
                if (!upwards.contains(parent) && upwards.size() <= limits.maxPathDepth()) {
                    List<Long> longer = new ArrayList<>(upwards.size() + 1);
                    longer.addAll(upwards);
                    longer.add(parent);
                    queue.add(longer);
                }
            }
        }
        return found;
    }

    private static Map<Long, String> purls(Handle handle, Set<Long> ids) {
        Map<Long, String> purls = new HashMap<>();
        if (ids.isEmpty()) {
            return purls;
        }
        handle.createQuery("SELECT id, purl FROM components WHERE id = ANY(:ids)")
                .bindArray("ids", Long.class, ids)
                .map((row, context) -> Map.entry(row.getLong(1), row.getString(2)))
                .forEach(entry -> purls.put(entry.getKey(), entry.getValue()));
        return purls;
    }
}
