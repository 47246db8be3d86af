package dev.assay.catalog.java;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Replaces {@code ${name}} expressions with property values, the way Maven interpolates a model.
 * Hostile POMs can make properties refer to each other in a cycle or double in size at every level (a
 * "billion laughs" made of properties); cycles leave the expression in place and any value that grows
 * past {@link #MAX_LENGTH} characters counts as unresolvable.
 */
final class PropertyInterpolator {
    static final int MAX_LENGTH = 4096;

    private final Map<String, String> rawValues;
    private final Map<String, String> resolved = new HashMap<>();

    PropertyInterpolator(Map<String, String> rawValues) {
        this.rawValues = rawValues;
    }

    String interpolate(String text) {
        return interpolate(text, new HashSet<>());
    }

    /** True when the text still holds an expression no property could fill. */
    static boolean unresolved(String text) {
        return text.contains("${");
    }

    /** The property name when the whole text is one expression, like {@code ${log4j.version}}; else null. */
    static String soleProperty(String text) {
        if (text.startsWith("${") && text.endsWith("}") && text.indexOf("${", 2) < 0) {
            return text.substring(2, text.length() - 1);
        }
        return null;
    }

    private String interpolate(String text, Set<String> visiting) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int index = 0;
        while (index < text.length()) {
            int start = text.indexOf("${", index);
            int end = start < 0 ? -1 : text.indexOf('}', start + 2);
            if (start < 0 || end < 0) {
                out.append(text, index, text.length());
                break;
            }
            out.append(text, index, start);
            String value = value(text.substring(start + 2, end), visiting);
            if (value != null) {
                out.append(value);
            } else {
                out.append(text, start, end + 1);
            }
            if (out.length() > MAX_LENGTH) {
                return text;
            }
            index = end + 1;
        }
        return out.toString();
    }

    private String value(String name, Set<String> visiting) {
        String cached = resolved.get(name);
        if (cached != null) {
            return cached;
        }
        String raw = rawValues.get(name);
        if (raw == null || !visiting.add(name)) {
            return null;
        }
        String value = interpolate(raw, visiting);
        visiting.remove(name);
        resolved.put(name, value);
        return value;
    }
}
