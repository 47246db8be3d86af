package dev.assay.catalog.rust;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.SafeToml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Cargo.lock} (format v1 to v4). Checksums are per package since v2 and in a {@code
 * [metadata]} table keyed {@code "checksum NAME VERSION (SOURCE)"} in v1. Dependencies are written as
 * {@code "name"}, {@code "name version"} or {@code "name version (source)"}: only as much as needed to be
 * unambiguous, so resolution tries the most specific form the entry gives.
 */
final class CargoLockParser {
    static final String VERSION_SOURCE = "Cargo.lock";

    private static final Pattern DEPENDENCY = Pattern.compile("([^ ]+)(?: ([^ ]+))?(?: \\((.+)\\))?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CRATE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CargoLockParser() {}

    private record CratePackage(
            String name, String version, String source, String checksum, List<String> dependencies) {
        String key() {
            return name + " " + version + (source.isEmpty() ? "" : " (" + source + ")");
        }

        Purl purl() {
            return Purl.of(PackageType.CARGO, "", name, version);
        }
    }

    static CatalogResult parse(ParseInput input) throws IOException {
        Map<String, Object> toml = SafeToml.load(input.text(), input.location().path());
        if (!toml.containsKey("package")) {
            return CatalogResult.EMPTY;
        }
        if (!(toml.get("package") instanceof List<?> packageArray)) {
            throw new UnableToParseException(
                    input.location().path() + ": 'package' is not an array of tables",
                    input.location().path());
        }
        Map<String, String> legacyChecksums =
                legacyChecksums(toml.get("metadata") instanceof Map<?, ?> metadata ? metadata : Map.of());
        List<Unknown> unknowns = new ArrayList<>();
        List<CratePackage> packages = new ArrayList<>();
        for (int index = 0; index < packageArray.size(); index++) {
            Object entry = packageArray.get(index);
            Optional<CratePackage> crate = entry instanceof Map<?, ?> table ? crate(table) : Optional.empty();
            if (crate.isEmpty()) {
                unknowns.add(new Unknown(
                        input.location(), input.catalogerId(), "Cargo.lock package #" + (index + 1) + " is malformed"));
                continue;
            }
            packages.add(crate.get());
        }

        Map<String, List<CratePackage>> byName = new HashMap<>();
        for (CratePackage crate : packages) {
            byName.computeIfAbsent(crate.name(), name -> new ArrayList<>()).add(crate);
        }
        List<Relationship> relationships = new ArrayList<>();
        Set<String> dependedOn = new HashSet<>();
        for (CratePackage crate : packages) {
            for (String reference : crate.dependencies()) {
                Optional<CratePackage> target = resolve(reference, byName);
                if (target.isPresent()) {
                    relationships.add(
                            Relationship.dependsOn(crate.purl(), target.get().purl()));
                    dependedOn.add(target.get().key());
                }
            }
        }

        List<Component> components = new ArrayList<>();
        for (CratePackage crate : packages) {
            String checksum =
                    !crate.checksum().isEmpty() ? crate.checksum() : legacyChecksums.getOrDefault(crate.key(), "");
            boolean local = crate.source().isEmpty();
            Component.Builder component = input.component(crate.purl(), VERSION_SOURCE)
                    // A crate without source is local: the workspace's roots are the application; a local
                    // crate another one depends on is a path library of that application.
                    .kind(
                            local && !dependedOn.contains(crate.key())
                                    ? ComponentKind.APPLICATION
                                    : ComponentKind.LIBRARY)
                    .property("assay:cargo-source", local ? "local" : crate.source());
            if (SHA256.matcher(checksum).matches()) {
                component.hash(HashAlgorithm.SHA256, checksum);
            }
            components.add(component.build());
        }
        return new CatalogResult(components, relationships, unknowns);
    }

    private static Optional<CratePackage> crate(Map<?, ?> table) {
        String name = string(table, "name");
        String version = string(table, "version");
        if (!CRATE_NAME.matcher(name).matches() || version.isBlank()) {
            return Optional.empty();
        }
        String source = string(table, "source");
        String checksum = string(table, "checksum");
        List<String> dependencies = new ArrayList<>();
        if (table.get("dependencies") instanceof List<?> array) {
            for (Object element : array) {
                if (element instanceof String reference) {
                    dependencies.add(reference);
                }
            }
        }
        return Optional.of(new CratePackage(name, version, source, checksum, dependencies));
    }

    /** A string value, or empty when absent or of another type (lockfiles are untrusted input). */
    private static String string(Map<?, ?> table, String key) {
        return table.get(key) instanceof String value ? value : "";
    }

    private static Optional<CratePackage> resolve(String reference, Map<String, List<CratePackage>> byName) {
        Matcher matcher = DEPENDENCY.matcher(reference);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<CratePackage> candidates = byName.getOrDefault(matcher.group(1), List.of());
        String version = matcher.group(2);
        String source = matcher.group(3);
        List<CratePackage> matching = candidates.stream()
                .filter(crate -> version == null || crate.version().equals(version))
                .filter(crate -> source == null || crate.source().equals(source))
                .toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /** v1 lockfiles: {@code "checksum serde 1.0.0 (registry+https://...)" = "abc..."}; "<none>" for git. */
    private static Map<String, String> legacyChecksums(Map<?, ?> metadata) {
        Map<String, String> checksums = new HashMap<>();
        for (Map.Entry<?, ?> entry : metadata.entrySet()) {
            if (entry.getKey() instanceof String key
                    && key.startsWith("checksum ")
                    && entry.getValue() instanceof String value) {
                checksums.put(key.substring("checksum ".length()), value);
            }
        }
        return checksums;
    }
}
