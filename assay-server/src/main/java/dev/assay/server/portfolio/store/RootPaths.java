package dev.assay.server.portfolio.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shortest path from a root of a dependency graph down to every node, found breadth-first from all roots
 * at once: the subject first, then every other node nothing depends on. Nodes reached from no root (only
 * inside a cycle) get none. Stored in {@code components.root_path}; {@link #read} turns the column back
 * into purls.
 */
public final class RootPaths {
    /** Longest path kept, in characters of its stored form; longer ones are left for readers to walk. */
    static final int MAX_STORED_LENGTH = 8192;

    private static final String SEPARATOR = "\n";

    private RootPaths() {}

    /** The purls of a stored path, from the root down to the component. */
    public static List<String> read(String stored) {
        return List.of(stored.split(SEPARATOR, -1));
    }

    /**
     * @param nodes every node of the graph (purls), in a stable order
     * @param edges from each node to the nodes it depends on
     * @param subject the graph's subject, which wins a tie with any other root
     * @return each reachable node's path in stored form: purls from the root down to the node
     */
    static Map<String, String> shortest(Collection<String> nodes, Map<String, Set<String>> edges, String subject) {
        Set<String> targets = new HashSet<>();
        edges.values().forEach(targets::addAll);
        LinkedHashSet<String> roots = new LinkedHashSet<>();
        if (subject != null && nodes.contains(subject) && !targets.contains(subject)) {
            roots.add(subject);
        }
        for (String node : nodes) {
            if (!targets.contains(node)) {
                roots.add(node);
            }
        }
        Map<String, String> parent = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String root : roots) {
            parent.put(root, null);
            queue.add(root);
        }
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String child : edges.getOrDefault(node, Set.of())) {
                if (!parent.containsKey(child)) {
                    parent.put(child, node);
                    queue.add(child);
                }
            }
        }
        Map<String, String> paths = new HashMap<>();
        for (String node : nodes) {
            if (!parent.containsKey(node)) {
                continue;
            }
            List<String> upwards = new ArrayList<>();
            int length = 0;
            for (String at = node; at != null && length <= MAX_STORED_LENGTH; at = parent.get(at)) {
                upwards.add(at);
                length += at.length() + SEPARATOR.length();
            }
            if (length <= MAX_STORED_LENGTH) {
                paths.put(node, String.join(SEPARATOR, upwards.reversed()));
            }
        }
        return paths;
    }
}
