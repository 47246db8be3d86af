package dev.assay.policy.image;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.LocatedYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one loaded policy document whose every error names the file, the line and the field:
 * {@code policy.yaml:14: spec.signatures.anyOf[0].key.file: expected a string, found a list}. Values are
 * as the failsafe YAML schema loads them: maps, lists and strings.
 */
final class PolicyFields {
    private final LocatedYaml.Document document;
    private final String source;

    PolicyFields(LocatedYaml.Document document, String source) {
        this.document = document;
        this.source = source;
    }

    String source() {
        return source;
    }

    /** {@code policy.yaml:14: spec.images}, or {@code policy.yaml: (document)} when no line is known. */
    String location(String pointer) {
        var line = document.line(pointer);
        String where = line.isPresent() ? source + ":" + line.getAsInt() : source;
        return where + ": " + dotted(pointer);
    }

    InvalidInputException invalid(String pointer, String problem) {
        return new InvalidInputException(location(pointer) + ": " + problem, source);
    }

    /** A map whose keys are all among {@code known}: a misspelt key in a security policy must not pass silently. */
    Map<?, ?> map(Object value, String pointer, Set<String> known) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(pointer, "expected a mapping, found " + describe(value));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !known.contains(name)) {
                throw invalid(
                        pointer + "/" + escape(String.valueOf(key)),
                        "unknown field '" + abbreviate(String.valueOf(key)) + "' (expected one of "
                                + known.stream().sorted().toList() + ")");
            }
            // "signatures:" with nothing under it must not read as "no signature rule".
            if (map.get(key) == null) {
                throw invalid(pointer + "/" + escape(name), "has no value");
            }
        }
        return map;
    }

    String string(Object value, String pointer) {
        if (!(value instanceof String text)) {
            throw invalid(pointer, "expected a string, found " + describe(value));
        }
        if (text.isBlank()) {
            throw invalid(pointer, "must not be empty");
        }
        return text.strip();
    }

    boolean bool(Object value, String pointer) {
        if (value instanceof String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> {
                    return true;
                }
                case "false" -> {
                    return false;
                }
                default -> {}
            }
        }
        throw invalid(pointer, "expected true or false, found " + describe(value));
    }

    List<?> list(Object value, String pointer, int max) {
        if (!(value instanceof List<?> list)) {
            throw invalid(pointer, "expected a list, found " + describe(value));
        }
        if (list.size() > max) {
            throw invalid(pointer, "has " + list.size() + " entries; at most " + max + " are accepted");
        }
        return list;
    }

    List<String> strings(Object value, String pointer, int max) {
        List<?> list = list(value, pointer, max);
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            strings.add(string(list.get(i), pointer + "/" + i));
        }
        return strings;
    }

    static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> ignored -> "a mapping";
            case List<?> ignored -> "a list";
            case String text -> "'" + abbreviate(text) + "'";
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    static String abbreviate(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** {@code /spec/signatures/anyOf/0/key} as {@code spec.signatures.anyOf[0].key}. */
    static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "(document)";
        }
        StringBuilder dotted = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String key = segment.replace("~1", "/").replace("~0", "~");
            if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
                dotted.append('[').append(key).append(']');
            } else {
                if (!dotted.isEmpty()) {
                    dotted.append('.');
                }
                dotted.append(abbreviate(key));
            }
        }
        return dotted.toString();
    }
}
