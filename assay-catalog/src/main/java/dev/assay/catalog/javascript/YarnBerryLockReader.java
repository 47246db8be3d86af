package dev.assay.catalog.javascript;

import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Yarn Berry (v2 and later) lockfiles, which are YAML: one mapping per resolution, keyed by the
 * comma-separated descriptors that resolve to it, with {@code resolution} naming the real package
 * ({@code name@npm:1.0.0}, {@code name@workspace:path}, {@code name@patch:...}).
 */
final class YarnBerryLockReader {
    private static final String USE_LOCAL = "0.0.0-use.local";

    private YarnBerryLockReader() {}

    static List<YarnLockEntry> read(String text, String fileName) {
        if (!(SafeYaml.load(text, fileName) instanceof Map<?, ?> document)) {
            throw new UnableToParseException(fileName + " is not a Yarn lockfile (no top-level mapping)", fileName);
        }
        List<YarnLockEntry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> field : document.entrySet()) {
            String key = String.valueOf(field.getKey());
            if (key.equals("__metadata") || !(field.getValue() instanceof Map<?, ?> entry)) {
                continue;
            }
            List<String> descriptors = new ArrayList<>();
            for (String descriptor : key.split(",")) {
                if (!descriptor.isBlank()) {
                    descriptors.add(descriptor.strip());
                }
            }
            String resolution = string(entry.get("resolution"));
            String locator = resolution.isEmpty() && !descriptors.isEmpty() ? descriptors.get(0) : resolution;
            String name = YarnDescriptors.nameOf(locator);
            String reference = YarnDescriptors.rangeOf(locator);
            String workspacePath = reference.startsWith("workspace:") ? reference.substring(10) : null;
            String version = string(entry.get("version"));
            if (version.equals(USE_LOCAL)) {
                // Yarn's placeholder for local packages, not a version anyone published.
                version = "";
            }
            Map<String, String> dependencies = new LinkedHashMap<>();
            if (entry.get("dependencies") instanceof Map<?, ?> declared) {
                declared.forEach((dependency, range) -> dependencies.put(String.valueOf(dependency), string(range)));
            }
            Set<String> optional = new LinkedHashSet<>();
            if (entry.get("dependenciesMeta") instanceof Map<?, ?> meta) {
                meta.forEach((dependency, settings) -> {
                    if (settings instanceof Map<?, ?> map && "true".equals(string(map.get("optional")))) {
                        optional.add(String.valueOf(dependency));
                    }
                });
            }
            entries.add(new YarnLockEntry(
                    descriptors,
                    name,
                    version,
                    dependencies,
                    optional,
                    workspacePath,
                    "",
                    "",
                    string(entry.get("checksum"))));
        }
        return entries;
    }

    private static String string(Object value) {
        return value instanceof String text ? text : "";
    }
}
