package dev.assay.model.untrusted;

import dev.assay.model.UnableToParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML (or JSON) documents loaded exactly as {@link SafeYaml} loads them, each with the line every field
 * starts on, so that a configuration error can say {@code policy.yaml:14: spec.signatures...} instead of
 * leaving the user to search. The values come from {@link SafeYaml} with all its limits; the lines come
 * from a second, structural pass that visits each node once (an alias is not followed again), so an alias
 * bomb costs no more here than it does there.
 */
public final class LocatedYaml {
    private LocatedYaml() {}

    /**
     * One document and where its fields are.
     *
     * @param value the loaded document (maps, lists and strings, or null for an empty document)
     * @param lines 1-based line of each located node, by RFC 6901 JSON pointer ({@code ""} is the root)
     */
    public record Document(Object value, Map<String, Integer> lines) {
        public Document {
            lines = Collections.unmodifiableMap(lines);
        }

        /** The line of the node at {@code pointer}, or of its nearest located ancestor. */
        public OptionalInt line(String pointer) {
            String current = pointer;
            while (true) {
                Integer line = lines.get(current);
                if (line != null) {
                    return OptionalInt.of(line);
                }
                int slash = current.lastIndexOf('/');
                if (slash < 0) {
                    return OptionalInt.empty();
                }
                current = current.substring(0, slash);
            }
        }
    }

    /**
     * @throws UnableToParseException when the content is not YAML or breaks a {@link SafeYaml} limit
     */
    public static List<Document> loadAll(String content, String name) {
        List<Object> values = SafeYaml.loadAll(content, name);
        // The same text through the same limits as node trees: SafeYaml read it, so this pass succeeds too.
        List<Map<String, Integer>> lines = new ArrayList<>();
        for (Node root : SafeYaml.composeAll(content, name)) {
            lines.add(lines(root));
        }
        List<Document> documents = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            // Empty documents may be skipped by one pass and not the other: then no lines rather than wrong ones.
            Map<String, Integer> located = lines.size() == values.size() ? lines.get(i) : Map.of();
            documents.add(new Document(values.get(i), located));
        }
        return List.copyOf(documents);
    }

    private record Pending(Node node, String pointer) {}

    private static Map<String, Integer> lines(Node root) {
        Map<String, Integer> lines = new HashMap<>();
        Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(root, ""));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            if (!visited.add(next.node())) {
                continue; // an alias: its lines are those of the anchored node
            }
            next.node().getStartMark().ifPresent(mark -> lines.putIfAbsent(next.pointer(), mark.getLine() + 1));
            if (next.node() instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        String pointer = next.pointer() + "/" + escape(key.getValue());
                        // The key's line: where the user wrote the field name.
                        key.getStartMark().ifPresent(mark -> lines.putIfAbsent(pointer, mark.getLine() + 1));
                        pending.push(new Pending(tuple.getValueNode(), pointer));
                    }
                }
            } else if (next.node() instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    pending.push(new Pending(items.get(i), next.pointer() + "/" + i));
                }
            }
        }
        return lines;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
