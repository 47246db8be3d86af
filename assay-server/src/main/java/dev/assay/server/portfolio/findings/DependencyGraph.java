package dev.assay.server.portfolio.findings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version's dependency edges held upside down (child to parents), to walk from a vulnerable component up
 * to the version's subject. The walk is bounded in paths and depth: a wide graph (one library reached
 * through hundreds of routes) must not turn one findings list into an exponential enumeration.
 */
final class DependencyGraph {
    private final Map<Long, List<Long>> parents = new HashMap<>();
    private final Map<Long, String> purls;
    private final Set<Long> subjects;

    DependencyGraph(List<long[]> edges, Map<Long, String> purls, Set<Long> subjects) {
        for (long[] edge : edges) {
            parents.computeIfAbsent(edge[1], unused -> new ArrayList<>()).add(edge[0]);
        }
        parents.values().forEach(list -> list.sort(Long::compare));
        this.purls = purls;
        this.subjects = subjects;
    }

    /**
     * Up to {@code maxPaths} paths from a root (the subject, or a component nothing depends on) down to
     * {@code component}, each of at most {@code maxDepth} components, shortest first; empty when the
     * inventory has no graph for it.
     */
    List<List<String>> pathsTo(long component, int maxPaths, int maxDepth) {
        List<List<String>> result = new ArrayList<>();
        if (!parents.containsKey(component)) {
            return result;
        }
        // Breadth first, so the shortest (most telling) paths come first and the bound cuts long ones.
        Deque<List<Long>> queue = new ArrayDeque<>();
        queue.add(List.of(component));
        while (!queue.isEmpty() && result.size() < maxPaths) {
            List<Long> upward = queue.poll();
            long top = upward.get(upward.size() - 1);
            List<Long> up = parents.getOrDefault(top, List.of());
            if (up.isEmpty() || subjects.contains(top)) {
                result.add(downward(upward));
                continue;
            }
            if (upward.size() >= maxDepth) {
                continue;
            }
            for (long parent : up) {
                if (!upward.contains(parent)) {
                    List<Long> longer = new ArrayList<>(upward);
                    longer.add(parent);
                    queue.add(longer);
                }
            }
        }
        return result;
    }

    private List<String> downward(List<Long> upward) {
        List<String> path = new ArrayList<>(upward.size());
        for (int index = upward.size() - 1; index >= 0; index--) {
            path.add(purls.getOrDefault(upward.get(index), ""));
        }
        return path;
    }
}
