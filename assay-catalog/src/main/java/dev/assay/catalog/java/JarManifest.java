package dev.assay.catalog.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** The main attributes of a {@code META-INF/MANIFEST.MF}; a malformed manifest reads as empty. */
record JarManifest(Map<String, String> attributes) {
    static final JarManifest EMPTY = new JarManifest(Map.of());

    static JarManifest parse(byte[] content) {
        try {
            Attributes main = new Manifest(new ByteArrayInputStream(content)).getMainAttributes();
            TreeMap<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            main.forEach((key, value) ->
                    attributes.put(key.toString(), String.valueOf(value).strip()));
            return new JarManifest(attributes);
        } catch (IOException | IllegalArgumentException e) {
            // The manifest is only a fallback source of identity; the file name still names the archive.
            return EMPTY;
        }
    }

    Optional<String> get(String attribute) {
        String value = attributes.get(attribute);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** {@code Bundle-SymbolicName} without OSGi directives ({@code org.foo;singleton:=true}). */
    Optional<String> bundleSymbolicName() {
        return get("Bundle-SymbolicName")
                .map(name -> name.split(";", 2)[0].strip())
                .filter(name -> !name.isEmpty());
    }

    /**
     * The licenses of {@code Bundle-License}: an OSGi list of {@code name;link=...} clauses, where the
     * name is often a URL. Well-known URLs become SPDX ids so that they compare with other sources.
     */
    List<String> bundleLicenses() {
        Optional<String> header = get("Bundle-License");
        if (header.isEmpty()) {
            return List.of();
        }
        List<String> licenses = new ArrayList<>();
        for (String clause : splitOutsideQuotes(header.get())) {
            String name = clause.split(";", 2)[0].strip().replace("\"", "");
            if (!name.isEmpty()) {
                licenses.add(spdxForUrl(name));
            }
        }
        return licenses;
    }

    private static List<String> splitOutsideQuotes(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char character : header.toCharArray()) {
            if (character == '"') {
                quoted = !quoted;
            }
            if (character == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(character);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String spdxForUrl(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http")) {
            return name;
        }
        String url = lower.replaceFirst("^https?://", "").replaceFirst("\\.(txt|html|php)$", "");
        if (url.matches("(www\\.)?apache\\.org/licenses/license-2\\.0")) {
            return "Apache-2.0";
        }
        if (url.matches("(www\\.)?opensource\\.org/licenses/mit(-license)?")) {
            return "MIT";
        }
        if (url.matches("(www\\.)?eclipse\\.org/legal/epl-(v)?20")) {
            return "EPL-2.0";
        }
        if (url.matches("(www\\.)?eclipse\\.org/legal/epl-v10")) {
            return "EPL-1.0";
        }
        if (url.matches("(www\\.)?opensource\\.org/licenses/bsd-3-clause")) {
            return "BSD-3-Clause";
        }
        return name;
    }
}
