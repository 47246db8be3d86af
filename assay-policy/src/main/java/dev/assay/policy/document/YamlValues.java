package dev.assay.policy.document;

import dev.assay.model.UnableToParseException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML nodes as the JSON-like values Kubernetes would see: scalars resolved as {@code sigs.k8s.io/yaml}
 * (go-yaml v2) resolves them, so that a policy reads {@code replicas: 3} as an int, {@code runAsNonRoot: yes}
 * as true and {@code version: 1.10} as the float 1.1, exactly as the API server would store them, while
 * quoted scalars stay strings. Merge keys ({@code <<}) are applied; duplicate keys are rejected, because
 * parsers that disagree on which duplicate wins let a manifest say one thing to a policy and another to
 * the cluster. Maps are ordered and unmodifiable, numbers are {@code Long} or {@code Double}. Timestamps
 * stay the strings they were written as (go-yaml would turn {@code 2024-01-01} into a time that JSON then
 * writes back as {@code 2024-01-01T00:00:00Z}).
 */
final class YamlValues {
    /** Far deeper than any manifest or SBOM; shallow enough that walking it cannot exhaust the stack. */
    static final int MAX_DEPTH = 500;

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES =
            Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSES =
            Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Pattern YAML_FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final String MERGE = "<<";

    private YamlValues() {}

    static Object toValue(Node node, String source) {
        return value(node, source, 0);
    }

    private static Object value(Node node, String source, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UnableToParseException(
                    where(source, node) + " is nested more than " + MAX_DEPTH + " levels deep", source);
        }
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, source);
            case SequenceNode sequence -> {
                List<Object> items = new ArrayList<>(sequence.getValue().size());
                for (Node item : sequence.getValue()) {
                    items.add(value(item, source, depth + 1));
                }
                yield Collections.unmodifiableList(items);
            }
            case MappingNode mapping -> Collections.unmodifiableMap(mapping(mapping, source, depth));
            default ->
                throw new UnableToParseException(where(source, node) + " holds an unsupported YAML node", source);
        };
    }

    private static Map<String, Object> mapping(MappingNode mapping, String source, int depth) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Node> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (isMergeKey(keyNode)) {
                merges.add(tuple.getValueNode());
                continue;
            }
            String key = key(keyNode, source, depth);
            if (values.containsKey(key)) {
                throw new UnableToParseException(
                        where(source, keyNode) + ": key '" + key + "' is defined twice in one mapping", source);
            }
            values.put(key, value(tuple.getValueNode(), source, depth + 1));
        }
        for (Node merge : merges) {
            List<Node> sources = merge instanceof SequenceNode sequence ? sequence.getValue() : List.of(merge);
            for (Node merged : sources) {
                if (!(merged instanceof MappingNode mergedMapping)) {
                    throw new UnableToParseException(
                            where(source, merged) + ": a merge key (<<) needs a mapping or a list of mappings", source);
                }
                // Keys written in the mapping itself, and those of earlier merged mappings, take precedence.
                mapping(mergedMapping, source, depth + 1).forEach(values::putIfAbsent);
            }
        }
        return values;
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode scalar
                && scalar.isPlain()
                && MERGE.equals(scalar.getValue())
                && (scalar.isResolved() || Tag.MERGE.equals(scalar.getTag()));
    }

    /** Keys become strings, as in JSON: {@code 1: a} is the key "1". */
    private static String key(Node keyNode, String source, int depth) {
        Object key = value(keyNode, source, depth + 1);
        if (key == null) {
            return "null";
        }
        if (key instanceof String text) {
            return text;
        }
        if (key instanceof Map || key instanceof List) {
            throw new UnableToParseException(
                    where(source, keyNode) + ": a mapping key must be a scalar, as in JSON", source);
        }
        return String.valueOf(key);
    }

    static Object scalar(ScalarNode scalar, String source) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (!scalar.isResolved()) {
            return explicit(scalar, tag, text, source);
        }
        if (!scalar.isPlain()) {
            return text;
        }
        return plain(text);
    }

    /** go-yaml v2's resolution of an untagged plain scalar. */
    static Object plain(String text) {
        if (NULLS.contains(text)) {
            return null;
        }
        if (TRUES.contains(text)) {
            return true;
        }
        if (FALSES.contains(text)) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '.' || first == '+' || first == '-') {
            Double special = specialFloat(text);
            if (special != null) {
                return special;
            }
        }
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            Object number = number(text.replace("_", ""));
            if (number != null) {
                return number;
            }
        }
        return text;
    }

    private static Double specialFloat(String text) {
        return switch (text) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN" -> Double.NaN;
            default -> null;
        };
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}, then {@code ParseUint}, then YAML-style floats. */
    private static Object number(String text) {
        BigInteger integer = goInteger(text);
        if (integer != null) {
            // As Kubernetes decodes JSON numbers: what does not fit int64 becomes a float64.
            return integer.bitLength() < 64 ? (Object) integer.longValue() : (Object) integer.doubleValue();
        }
        if (YAML_FLOAT.matcher(text).matches()) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Base prefixes 0x, 0o, 0b and a leading 0 for octal, as Go's base-0 integer parsing. */
    private static BigInteger goInteger(String text) {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.length() > 2 && digits.charAt(0) == '0') {
            radix = switch (digits.charAt(1)) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                digits = digits.substring(2);
            }
        }
        if (radix == 0) {
            radix = 8;
            digits = digits.substring(1);
        } else if (radix == 10 && digits.length() == 2 && digits.charAt(0) == '0') {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 70) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        value = negative ? value.negate() : value;
        // ParseUint accepts up to 2^64-1; beyond that Go reports a range error and YAML tries a float.
        return value.bitLength() <= 64 ? value : null;
    }

    private static Object explicit(ScalarNode scalar, Tag tag, String text, String source) {
        if (Tag.STR.equals(tag) || Tag.BINARY.equals(tag)) {
            return text;
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            if (TRUES.contains(text)) {
                return true;
            }
            if (FALSES.contains(text)) {
                return false;
            }
            throw new UnableToParseException(where(source, scalar) + ": '" + text + "' is not a !!bool", source);
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            Object number = text.isEmpty() ? null : number(text.replace("_", ""));
            if (number == null && Tag.FLOAT.equals(tag)) {
                number = specialFloat(text);
            }
            if (number == null) {
                throw new UnableToParseException(
                        where(source, scalar) + ": '" + text + "' is not a " + tag.getValue(), source);
            }
            return Tag.FLOAT.equals(tag) && number instanceof Long integer ? (Object) integer.doubleValue() : number;
        }
        // An application tag (!secret, !Ref): the text is all a policy can use.
        return text;
    }

    /** {@code deploy.yaml:12:5}, 1-based, or just the source when the node carries no position. */
    static String where(String source, Node node) {
        return node.getStartMark()
                .map(mark -> source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1))
                .orElse(source);
    }

    static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    }

    static int column(Node node) {
        return node.getStartMark().map(Mark::getColumn).orElse(-1) + 1;
    }
}
