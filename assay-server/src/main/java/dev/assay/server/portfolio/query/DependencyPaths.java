package dev.assay.server.portfolio.query;

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
 * Dependency paths from the roots of a version's graph down to given components, shortest first. Every
 * component's search goes upwards breadth-first (edges are indexed by target), all of them in step: one
 * query per level fetches the parents every unfinished search needs next, so the cost follows the depth
 * of the shortest paths rather than the number of components, and a search stops as soon as it has its
 * paths instead of walking every ancestor.
 */
final class DependencyPaths {
    /** Partial paths kept per component at most: a graph of diamonds has exponentially many paths. */
    private static final int PARTIAL_PATHS_PER_COMPONENT = 4_096;

    private DependencyPaths() {}

    /**
     * @return for each component id, its paths as purls from a root down to the component
     */
    static Map<Long, List<List<String>>> find(Handle handle, Collection<Long> components, ImpactLimits limits) {
        Map<Long, List<List<String>>> result = new HashMap<>();
        if (components.isEmpty() || limits.maxPathsPerComponent() == 0) {
            return result;
        }
        Map<Long, Set<Long>> parents = new HashMap<>();
        List<Search> active = new ArrayList<>();
        List<Search> all = new ArrayList<>();
        for (Long component : new LinkedHashSet<>(components)) {
            Search search = new Search(component);
            active.add(search);
            all.add(search);
        }
        for (int edges = 0; edges <= limits.maxPathDepth() && !active.isEmpty(); edges++) {
            Set<Long> needed = new LinkedHashSet<>();
            for (Search search : active) {
                for (List<Long> upwards : search.queue) {
                    if (!parents.containsKey(upwards.getLast())) {
                        needed.add(upwards.getLast());
                    }
                }
            }
            fetchParents(handle, needed, parents);
            boolean mayGrow = edges < limits.maxPathDepth();
            List<Search> unfinished = new ArrayList<>();
            for (Search search : active) {
                if (!search.advance(parents, limits.maxPathsPerComponent(), mayGrow)) {
                    unfinished.add(search);
                }
            }
            active = unfinished;
        }
        Set<Long> onPaths = new HashSet<>();
        all.forEach(search -> search.found.forEach(onPaths::addAll));
        Map<Long, String> purls = purls(handle, onPaths);
        for (Search search : all) {
            result.put(
                    search.component,
                    search.found.stream()
                            .map(path -> path.stream().map(purls::get).toList())
                            .toList());
        }
        return result;
    }

    /** One component's breadth-first search upwards; {@link #queue} holds the partial paths of one length. */
    private static final class Search {
        final Long component;
        List<List<Long>> queue = new ArrayList<>();
        final List<List<Long>> found = new ArrayList<>();

        Search(Long component) {
            this.component = component;
            queue.add(List.of(component));
        }

        /** Extends every partial path by one edge; true once the search is finished. */
        boolean advance(Map<Long, Set<Long>> parents, int wanted, boolean mayGrow) {
            List<List<Long>> next = new ArrayList<>();
            for (List<Long> upwards : queue) {
                Set<Long> above = parents.getOrDefault(upwards.getLast(), Set.of());
                if (above.isEmpty()) {
                    found.add(upwards.reversed());
                    if (found.size() == wanted) {
                        return true;
                    }
                    continue;
                }
                for (Long parent : above) {
                    if (mayGrow && next.size() < PARTIAL_PATHS_PER_COMPONENT && !upwards.contains(parent)) {
                        List<Long> longer = new ArrayList<>(upwards.size() + 1);
                        longer.addAll(upwards);
                        longer.add(parent);
                        next.add(longer);
                    }
                }
            }
            queue = next;
            return queue.isEmpty();
        }
    }

    /** Records the parents of each node (an empty set for a root), one query for all of them. */
    private static void fetchParents(Handle handle, Set<Long> nodes, Map<Long, Set<Long>> parents) {
        if (nodes.isEmpty()) {
            return;
        }
        nodes.forEach(node -> parents.put(node, new LinkedHashSet<>()));
        handle.createQuery("""
                        SELECT from_component, to_component FROM dependency_edges
                        WHERE to_component = ANY(:targets) ORDER BY to_component, from_component""")
                .bindArray("targets", Long.class, nodes)
                .map((row, context) -> new long[] {row.getLong(1), row.getLong(2)})
                .forEach(edge -> parents.get(edge[1]).add(edge[0]));
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
