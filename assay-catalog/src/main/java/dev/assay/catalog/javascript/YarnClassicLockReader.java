package dev.assay.catalog.javascript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Yarn Classic (v1) lockfiles: a YAML-like format of its own. Unindented lines are comma-separated
 * descriptor headers ending in a colon, two-space lines are {@code key value} fields or the start of a
 * dependency block, four-space lines are {@code name range} pairs of that block. Values may be quoted.
 */
final class YarnClassicLockReader {
    private YarnClassicLockReader() {}

    static List<YarnLockEntry> read(String text) {
        List<YarnLockEntry> entries = new ArrayList<>();
        Builder current = null;
        String block = null;
        for (String rawLine : text.split("\n", -1)) {
            String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int indent = indentOf(line);
            if (indent == 0) {
                if (current != null) {
                    entries.add(current.build());
                }
                current = new Builder(descriptors(content));
                block = null;
            } else if (current == null) {
                continue;
            } else if (indent <= 2) {
                if (content.endsWith(":")) {
                    block = unquote(content.substring(0, content.length() - 1).strip());
                } else {
                    block = null;
                    String[] pair = pair(content);
                    current.fields.put(pair[0], pair[1]);
                }
            } else if (block != null) {
                String[] pair = pair(content);
                if (block.equals("dependencies")) {
                    current.dependencies.put(pair[0], pair[1]);
                } else if (block.equals("optionalDependencies")) {
                    current.dependencies.put(pair[0], pair[1]);
                    current.optional.add(pair[0]);
                }
            }
        }
        if (current != null) {
            entries.add(current.build());
        }
        return entries;
    }

    private static final class Builder {
        final List<String> descriptors;
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> dependencies = new LinkedHashMap<>();
        final Set<String> optional = new LinkedHashSet<>();

        Builder(List<String> descriptors) {
            this.descriptors = descriptors;
        }

        YarnLockEntry build() {
            String resolved = fields.getOrDefault("resolved", "");
            String first = descriptors.isEmpty() ? "" : descriptors.get(0);
            String name = YarnDescriptors.registryName(resolved);
            if (name.isEmpty()) {
                name = YarnDescriptors.aliasTarget(first);
            }
            if (name.isEmpty()) {
                name = YarnDescriptors.nameOf(first);
            }
            return new YarnLockEntry(
                    descriptors,
                    name,
                    fields.getOrDefault("version", ""),
                    dependencies,
                    optional,
                    null,
                    resolved,
                    fields.getOrDefault("integrity", ""),
                    "");
        }
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
            indent++;
        }
        return indent;
    }

    private static List<String> descriptors(String header) {
        String list = header.endsWith(":") ? header.substring(0, header.length() - 1) : header;
        List<String> descriptors = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < list.length(); index++) {
            char character = list.charAt(index);
            if (character == '"') {
                quoted = !quoted;
            } else if (character == ',' && !quoted) {
                addDescriptor(descriptors, current);
            } else {
                current.append(character);
            }
        }
        addDescriptor(descriptors, current);
        return descriptors;
    }

    private static void addDescriptor(List<String> descriptors, StringBuilder current) {
        String descriptor = current.toString().strip();
        if (!descriptor.isEmpty()) {
            descriptors.add(descriptor);
        }
        current.setLength(0);
    }

    /** Splits {@code key value} (either part possibly quoted; {@code key: value} also accepted). */
    private static String[] pair(String content) {
        int split;
        if (content.startsWith("\"")) {
            int close = content.indexOf('"', 1);
            split = close < 0 ? content.length() : close + 1;
        } else {
            split = content.indexOf(' ');
            split = split < 0 ? content.length() : split;
        }
        String key = unquote(content.substring(0, split).strip());
        if (key.endsWith(":")) {
            key = key.substring(0, key.length() - 1);
        }
        String value = unquote(content.substring(split).strip());
        return new String[] {key, value};
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }
}
