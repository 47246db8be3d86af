package dev.assay.sbom;

import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.Evidence;
import dev.assay.model.Location;
import dev.assay.model.Unknown;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code assay:*} name/value properties through which Assay's evidence, unknowns and distro travel
 * in formats that have no field for them: CycloneDX properties and SPDX annotations. Both codecs use this
 * one encoding so that Assay -> CycloneDX -> Assay -> SPDX -> Assay keeps every fact.
 *
 * <p>Per component, evidence number N (1-based, in the model's sorted order) is {@code assay:location:N}
 * (the path) with {@code assay:location:N:found-by}, {@code :layer-digest} and {@code :version-source};
 * {@code assay:found-by}, {@code assay:layer-digest} and {@code assay:version-source} summarize all of
 * them (comma-separated distinct values) for people and for tools that read one property. On the SBOM,
 * unknown number N is {@code assay:unknown:N} = {@code "path: reason"} with {@code :path}, {@code :cataloger}
 * and {@code :layer-digest}, and the distro is {@code assay:distro:id}, {@code :version-id},
 * {@code :version-codename} and {@code :pretty-name}.
 */
final class AssayProperties {
    static final String FOUND_BY = "assay:found-by";
    static final String LAYER_DIGEST = "assay:layer-digest";
    static final String VERSION_SOURCE = "assay:version-source";
    static final String LOCATION = "assay:location:";
    static final String CONTAINED_BY = "assay:contained-by";
    static final String SCOPE = "assay:scope";
    static final String UNKNOWN = "assay:unknown:";
    static final String DISTRO = "assay:distro:";

    private AssayProperties() {}

    /** One name/value pair; CycloneDX allows a name more than once, so these are kept in lists. */
    record Property(String name, String value) implements Comparable<Property> {
        @Override
        public int compareTo(Property other) {
            int byName = name.compareTo(other.name);
            return byName != 0 ? byName : value.compareTo(other.value);
        }
    }

    /** What a component's properties decode to: its evidence, its own properties, and CONTAINS parents. */
    record ComponentFacts(Set<Evidence> evidence, SortedMap<String, String> properties, List<String> containedBy) {}

    /** What the SBOM-level properties decode to. */
    record MetadataFacts(Distro distro, List<Unknown> unknowns, SortedMap<String, String> properties) {}

    /** The component's own properties plus its evidence, sorted by name then value. */
    static List<Property> ofComponent(Component component) {
        List<Property> properties = new ArrayList<>();
        component.properties().forEach((name, value) -> {
            if (!isReservedForComponent(name)) {
                properties.add(new Property(name, value));
            }
        });
        List<Evidence> evidence = List.copyOf(component.evidence());
        for (int index = 0; index < evidence.size(); index++) {
            Evidence item = evidence.get(index);
            String prefix = LOCATION + (index + 1);
            properties.add(new Property(prefix, item.location().path()));
            properties.add(new Property(prefix + ":found-by", item.catalogerId()));
            item.location().layer().ifPresent(layer -> properties.add(new Property(prefix + ":layer-digest", layer)));
            if (!item.versionSource().isEmpty()) {
                properties.add(new Property(prefix + ":version-source", item.versionSource()));
            }
        }
        // Loops, not streams: this runs once per component on a cold JVM, where a stream pipeline is
        // interpreted call by call.
        TreeSet<String> foundBy = new TreeSet<>();
        TreeSet<String> layers = new TreeSet<>();
        TreeSet<String> versionSources = new TreeSet<>();
        for (Evidence item : evidence) {
            foundBy.add(item.catalogerId());
            if (item.location().layerDigest() != null) {
                layers.add(item.location().layerDigest());
            }
            if (!item.versionSource().isEmpty()) {
                versionSources.add(item.versionSource());
            }
        }
        addSummary(properties, FOUND_BY, foundBy);
        addSummary(properties, LAYER_DIGEST, layers);
        addSummary(properties, VERSION_SOURCE, versionSources);
        properties.sort(null);
        return properties;
    }

    /** The SBOM's own properties plus its distro and unknowns, sorted by name then value. */
    static List<Property> ofMetadata(Map<String, String> own, Distro distro, Collection<Unknown> unknowns) {
        List<Property> properties = new ArrayList<>();
        own.forEach((name, value) -> {
            if (!name.startsWith(UNKNOWN) && !name.startsWith(DISTRO)) {
                properties.add(new Property(name, value));
            }
        });
        if (distro != null) {
            properties.add(new Property(DISTRO + "id", distro.id()));
            addIfPresent(properties, DISTRO + "version-id", distro.versionId());
            addIfPresent(properties, DISTRO + "version-codename", distro.versionCodename());
            addIfPresent(properties, DISTRO + "pretty-name", distro.prettyName());
        }
        int number = 1;
        for (Unknown unknown : new TreeSet<>(unknowns)) {
            String prefix = UNKNOWN + number++;
            properties.add(new Property(prefix, unknown.location().path() + ": " + unknown.reason()));
            properties.add(new Property(prefix + ":path", unknown.location().path()));
            addIfPresent(properties, prefix + ":cataloger", unknown.catalogerId());
            unknown.location()
                    .layer()
                    .ifPresent(layer -> properties.add(new Property(prefix + ":layer-digest", layer)));
        }
        properties.sort(null);
        return properties;
    }

    static ComponentFacts componentFacts(List<Property> properties) {
        SortedMap<String, String> own = new TreeMap<>();
        TreeMap<Integer, Map<String, String>> locations = new TreeMap<>();
        List<String> containedBy = new ArrayList<>();
        for (Property property : properties) {
            String name = property.name();
            if (name.equals(CONTAINED_BY)) {
                containedBy.add(property.value());
            } else if (name.startsWith(LOCATION)) {
                String rest = name.substring(LOCATION.length());
                int colon = rest.indexOf(':');
                Integer number = parseNumber(colon < 0 ? rest : rest.substring(0, colon));
                if (number == null) {
                    own.put(name, property.value());
                } else {
                    locations
                            .computeIfAbsent(number, ignored -> new TreeMap<>())
                            .put(colon < 0 ? "path" : rest.substring(colon + 1), property.value());
                }
            } else if (!isReservedForComponent(name)) {
                own.putIfAbsent(name, property.value());
            }
        }
        Set<Evidence> evidence = new LinkedHashSet<>();
        String summaryFoundBy = properties.stream()
                .filter(property -> property.name().equals(FOUND_BY))
                .map(Property::value)
                .findFirst()
                .orElse("");
        for (Map<String, String> location : locations.values()) {
            String path = location.get("path");
            if (path == null) {
                continue;
            }
            String foundBy = location.getOrDefault("found-by", summaryFoundBy.split(",", -1)[0]);
            if (foundBy.isEmpty()) {
                foundBy = "unknown";
            }
            evidence.add(new Evidence(
                    foundBy, new Location(path, location.get("layer-digest")), location.get("version-source")));
        }
        return new ComponentFacts(evidence, own, containedBy);
    }

    static MetadataFacts metadataFacts(List<Property> properties) {
        SortedMap<String, String> own = new TreeMap<>();
        Map<String, String> distro = new TreeMap<>();
        TreeMap<Integer, Map<String, String>> unknowns = new TreeMap<>();
        for (Property property : properties) {
            String name = property.name();
            if (name.startsWith(DISTRO)) {
                distro.put(name.substring(DISTRO.length()), property.value());
            } else if (name.startsWith(UNKNOWN)) {
                String rest = name.substring(UNKNOWN.length());
                int colon = rest.indexOf(':');
                Integer number = parseNumber(colon < 0 ? rest : rest.substring(0, colon));
                if (number == null) {
                    own.put(name, property.value());
                } else {
                    unknowns.computeIfAbsent(number, ignored -> new TreeMap<>())
                            .put(colon < 0 ? "summary" : rest.substring(colon + 1), property.value());
                }
            } else {
                own.putIfAbsent(name, property.value());
            }
        }
        List<Unknown> decodedUnknowns = new ArrayList<>();
        for (Map<String, String> unknown : unknowns.values()) {
            String summary = unknown.getOrDefault("summary", "");
            String path = unknown.get("path");
            String reason;
            if (path != null && summary.startsWith(path + ": ")) {
                reason = summary.substring(path.length() + 2);
            } else if (path == null && summary.contains(": ")) {
                path = summary.substring(0, summary.indexOf(": "));
                reason = summary.substring(summary.indexOf(": ") + 2);
            } else {
                reason = summary;
            }
            decodedUnknowns.add(new Unknown(
                    new Location(path == null ? "" : path, unknown.get("layer-digest")),
                    unknown.get("cataloger"),
                    reason));
        }
        Distro decodedDistro = distro.containsKey("id")
                ? new Distro(
                        distro.get("id"),
                        distro.get("version-id"),
                        distro.get("version-codename"),
                        distro.get("pretty-name"))
                : null;
        return new MetadataFacts(decodedDistro, decodedUnknowns, own);
    }

    /** Names the codecs regenerate from the model; a stale copy in a component's own properties is dropped. */
    private static boolean isReservedForComponent(String name) {
        return name.equals(FOUND_BY)
                || name.equals(LAYER_DIGEST)
                || name.equals(VERSION_SOURCE)
                || name.equals(CONTAINED_BY)
                || name.equals(SCOPE)
                || name.startsWith(LOCATION);
    }

    /** {@code values} distinct and sorted, joined with commas; nothing when there are none. */
    private static void addSummary(List<Property> properties, String name, SortedSet<String> values) {
        if (!values.isEmpty()) {
            properties.add(new Property(name, String.join(",", values)));
        }
    }

    private static void addIfPresent(List<Property> properties, String name, String value) {
        if (value != null && !value.isEmpty()) {
            properties.add(new Property(name, value));
        }
    }

    private static Integer parseNumber(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
