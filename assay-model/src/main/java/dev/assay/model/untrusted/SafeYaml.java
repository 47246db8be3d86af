package dev.assay.model.untrusted;

import dev.assay.model.UnableToParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.ConstructYamlNull;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * YAML loading with alias, nesting and size limits. Values load with the failsafe schema (everything is a
 * string, a list or a map) so that lockfile versions like {@code 1.10} are never turned into numbers and
 * timestamps are never converted. An empty value ({@code key:} with nothing after it, common in Kubernetes
 * manifests and Helm output) loads as null; the word {@code null} stays text.
 */
public final class SafeYaml {
    /** Aliases are legitimate in pnpm and Kubernetes YAML, but a few hundred suffice for real files. */
    static final int MAX_ALIASES = 500;

    private static final long MIN_EXPANDED_NODES = 10_000;

    private SafeYaml() {}

    public static Object load(String content, String name) {
        List<Object> documents = loadAll(content, name);
        return documents.isEmpty() ? null : documents.get(0);
    }

    public static List<Object> loadAll(String content, String name) {
        // Machine-written YAML (pnpm lockfiles above all) is read by a small reader of its plain subset, many
        // times faster on a cold JVM; anything outside that subset goes through the full engine.
        Optional<Object> plain = BlockYamlSubset.read(content);
        if (plain.isPresent()) {
            List<Object> documents = new ArrayList<>(1);
            documents.add(plain.get());
            return documents;
        }
        return loadAllWithEngine(content, name);
    }

    /** {@link #loadAll} without the fast reader: what that reader's answers are checked against. */
    public static List<Object> loadAllWithEngine(String content, String name) {
        return bounded(content, name, settings -> new Load(settings).loadAllFromString(content));
    }

    /**
     * The documents as node trees, under the same alias, size, nesting and expansion limits as {@link
     * #loadAll}, for readers that report the line and column of what they reject, or that resolve scalar
     * types themselves (a plain {@code true} and a quoted {@code "true"} differ here only in their style).
     * An empty document is an empty scalar node.
     */
    public static List<Node> composeAll(String content, String name) {
        return bounded(content, name, settings -> new Compose(settings).composeAllFromString(content));
    }

    /**
     * Reads every document {@code reader} yields under Assay's limits, counting each document's expanded
     * nodes against one budget for the whole text (see {@link #expandedNodes}).
     */
    private static <T> List<T> bounded(String content, String name, Function<LoadSettings, Iterable<T>> reader) {
        try {
            List<T> documents = new ArrayList<>();
            long budget = Math.max(MIN_EXPANDED_NODES, content.length());
            for (T document : reader.apply(settings(name, content.length()))) {
                budget -= expandedNodes(document, budget, name);
                documents.add(document);
            }
            return documents;
        } catch (YamlEngineException e) {
            throw new UnableToParseException(name + " is not valid YAML: " + firstLine(e.getMessage()), name, e);
        } catch (StackOverflowError e) {
            // snakeyaml-engine has no nesting limit; deeply nested flow collections exhaust the stack instead.
            throw new UnableToParseException(name + " is nested too deeply to be a real YAML document", name);
        }
    }

    /**
     * Counts the nodes a consumer would visit, stopping once over budget. Aliases are shared, not copied,
     * when loaded, so a "billion laughs" document loads cheaply and explodes only when walked; without
     * aliases a document cannot have more nodes than characters, so that is the budget.
     */
    private static long expandedNodes(Object document, long budget, String name) {
        long count = 0;
        Deque<Object> pending = new ArrayDeque<>();
        if (document != null) {
            pending.push(document);
        }
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (++count > budget) {
                throw new UnableToParseException(
                        name + " expands to more YAML nodes than it has characters (an alias bomb?)", name);
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.push(tuple.getKeyNode());
                    pending.push(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            } else if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    pushIfPresent(pending, entry.getKey());
                    pushIfPresent(pending, entry.getValue());
                }
            } else if (node instanceof Collection<?> collection) {
                collection.forEach(child -> pushIfPresent(pending, child));
            }
        }
        return count;
    }

    private static void pushIfPresent(Deque<Object> pending, Object node) {
        if (node != null) {
            pending.push(node);
        }
    }

    private static LoadSettings settings(String name, int length) {
        return LoadSettings.builder()
                .setLabel(name)
                .setSchema(new FailsafeSchemaWithEmptyValues())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Math.max(length + 1, 3 * 1024 * 1024))
                .build();
    }

    /**
     * snakeyaml-engine's failsafe resolver tags an empty plain scalar as null, but its failsafe schema has no
     * constructor for that tag, so {@code livenessProbe:} with no value fails the whole document and an empty
     * document ({@code ---} followed by nothing) fails with a NullPointerException. Both read as null, as
     * YAML's other schemas read them.
     */
    private static final class FailsafeSchemaWithEmptyValues extends FailsafeSchema {
        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            Map<Tag, ConstructNode> constructors = new HashMap<>(super.getSchemaTagConstructors());
            constructors.put(Tag.NULL, new ConstructYamlNull());
            return constructors;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
