package dev.assay.policy.document;

import dev.assay.policy.cel.ExpressionLocation;
import dev.assay.policy.cel.PolicyProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One node of a hand-written document with its path ({@code spec.validations[2].message}), for readers that
 * check structure and report every problem at its line and column instead of stopping at the first.
 */
final class YamlField {
    /** The document being read: where problems go, and its text for locating expressions. */
    static final class Document {
        private final String source;
        private final String[] lines;
        private final List<PolicyProblem> problems;

        Document(String source, String content, List<PolicyProblem> problems) {
            this.source = source;
            this.lines = content.split("\n", -1);
            this.problems = problems;
        }

        String source() {
            return source;
        }

        List<PolicyProblem> problems() {
            return problems;
        }
    }

    private final Document document;
    private final Node node;
    private final String path;

    YamlField(Document document, Node node, String path) {
        this.document = document;
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    int line() {
        return YamlValues.line(node);
    }

    int column() {
        return YamlValues.column(node);
    }

    void problem(String message) {
        document.problems.add(PolicyProblem.at(document.source, line(), column(), path, message));
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * The fields of a mapping; unknown and repeated fields are reported, and a non-mapping yields none.
     */
    Map<String, YamlField> fields(Set<String> known) {
        Map<String, YamlField> fields = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem("must be a mapping");
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                new YamlField(document, tuple.getKeyNode(), path).problem("field names must be strings");
                continue;
            }
            String name = key.getValue();
            YamlField value = new YamlField(document, tuple.getValueNode(), child(name));
            YamlField keyField = new YamlField(document, key, child(name));
            if (!known.isEmpty() && !known.contains(name)) {
                keyField.problem("unknown field '" + name + "' (expected one of " + String.join(", ", known) + ")");
            } else if (fields.containsKey(name)) {
                keyField.problem("field '" + name + "' is given twice");
            } else {
                fields.put(name, value);
            }
        }
        return fields;
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar
                && scalar.isPlain()
                && YamlValues.plain(scalar.getValue().isEmpty() ? "~" : scalar.getValue()) == null;
    }

    /** The scalar's text as written, whatever type YAML would give it. */
    Optional<String> text() {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problem("must be a string");
        return Optional.empty();
    }

    /** Like {@link #text()}, reporting an empty value as missing. */
    Optional<String> requiredText() {
        Optional<String> text = text();
        if (text.isPresent() && text.get().isBlank()) {
            problem("must not be empty");
            return Optional.empty();
        }
        return text;
    }

    List<YamlField> items() {
        List<YamlField> items = new ArrayList<>();
        if (isNull()) {
            return items;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem("must be a list");
            return items;
        }
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new YamlField(document, sequence.getValue().get(i), path + "[" + i + "]"));
        }
        return items;
    }

    List<String> strings() {
        List<String> strings = new ArrayList<>();
        for (YamlField item : items()) {
            item.text().ifPresent(strings::add);
        }
        return strings;
    }

    Map<String, String> stringMap() {
        Map<String, String> values = new LinkedHashMap<>();
        if (isNull()) {
            return values;
        }
        fields(Set.of()).forEach((key, value) -> value.text().ifPresent(text -> values.put(key, text)));
        return values;
    }

    /**
     * Where a CEL expression in this scalar is: exact for single-line scalars and literal blocks ({@code |}),
     * the field's own position otherwise (folded and multi-line flow scalars do not keep the layout).
     */
    ExpressionLocation expressionLocation() {
        String source = document.source;
        int fieldLine = line();
        int fieldColumn = column();
        return (message, line, column) -> {
            if (line <= 0 || !(node instanceof ScalarNode scalar)) {
                return new PolicyProblem(source, fieldLine, fieldColumn, path, message, line, column);
            }
            ScalarStyle style = scalar.getScalarStyle();
            boolean singleLine = scalar.getValue().indexOf('\n') < 0;
            if (style == ScalarStyle.LITERAL) {
                int contentLine = fieldLine + line;
                int indent = blockIndent(fieldLine);
                return new PolicyProblem(source, contentLine, indent + column, path, message, line, column);
            }
            if (singleLine && line == 1 && style == ScalarStyle.PLAIN) {
                return new PolicyProblem(source, fieldLine, fieldColumn + column - 1, path, message, line, column);
            }
            if (singleLine && line == 1 && (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED)) {
                return new PolicyProblem(source, fieldLine, fieldColumn + column, path, message, line, column);
            }
            return new PolicyProblem(source, fieldLine, fieldColumn, path, message, line, column);
        };
    }

    /** The indentation of a literal block's content: that of its first non-blank line after the header. */
    private int blockIndent(int headerLine) {
        for (int index = headerLine; index < document.lines.length; index++) {
            String text = document.lines[index];
            if (!text.isBlank()) {
                int indent = 0;
                while (indent < text.length() && text.charAt(indent) == ' ') {
                    indent++;
                }
                return indent;
            }
        }
        return 0;
    }
}
