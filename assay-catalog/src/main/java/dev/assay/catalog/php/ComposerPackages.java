package dev.assay.catalog.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Package entries as composer.lock and installed.json write them (the same shape): {@code name}, {@code
 * version}, {@code license}, {@code dist.shasum} (SHA-1 of the dist archive, often empty for GitHub
 * zipballs), {@code require}. Versions are kept as written ({@code v6.4.0} stays {@code v6.4.0}): that is
 * the tag Packagist lists and the version both syft and trivy put in the purl.
 */
final class ComposerPackages {
    /** Composer's own package name rule (lower case is canonical, but older locks keep capitals). */
    private static final Pattern NAME =
            Pattern.compile("[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);

    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

    /** Requirements on the platform (PHP itself, extensions, libraries) rather than on packages. */
    private static final Set<String> PLATFORM_PACKAGES = Set.of(
            "php",
            "php-64bit",
            "php-ipv6",
            "php-zts",
            "php-debug",
            "hhvm",
            "composer",
            "composer-plugin-api",
            "composer-runtime-api");

    private final ParseInput input;
    private final String versionSource;
    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final Map<String, String> providedBy = new HashMap<>();
    private final List<Unknown> unknowns = new ArrayList<>();

    private record Entry(Component component, JsonNode node) {}

    ComposerPackages(ParseInput input, String versionSource) {
        this.input = input;
        this.versionSource = versionSource;
    }

    static boolean isPlatform(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return PLATFORM_PACKAGES.contains(lower) || lower.startsWith("ext-") || lower.startsWith("lib-");
    }

    /** Adds every package of an array; {@code devNames} lists the packages that are development-only. */
    void addAll(JsonNode packages, Scope scope, Set<String> devNames, String field) {
        if (packages == null || packages.isMissingNode() || packages.isNull()) {
            return;
        }
        if (!packages.isArray()) {
            unknowns.add(new Unknown(input.location(), input.catalogerId(), "'" + field + "' is not an array"));
            return;
        }
        int index = 0;
        for (JsonNode node : packages) {
            index++;
            String name = node.path("name").asText("");
            String version = node.path("version").asText("");
            if (!node.isObject() || !NAME.matcher(name).matches() || version.isBlank() || version.length() > 200) {
                unknowns.add(new Unknown(
                        input.location(),
                        input.catalogerId(),
                        field + " entry #" + index + " has no valid name and version"));
                continue;
            }
            String key = name.toLowerCase(Locale.ROOT);
            Scope effective = devNames.contains(key) ? Scope.EXCLUDED : scope;
            byName.putIfAbsent(key, new Entry(component(node, name, version, effective), node));
            for (String mapping : List.of("replace", "provide")) {
                for (Iterator<String> names = node.path(mapping).fieldNames(); names.hasNext(); ) {
                    providedBy.putIfAbsent(names.next().toLowerCase(Locale.ROOT), key);
                }
            }
        }
    }

    private Component component(JsonNode node, String name, String version, Scope scope) {
        int slash = name.indexOf('/');
        Purl purl = Purl.of(PackageType.COMPOSER, name.substring(0, slash), name.substring(slash + 1), version);
        Component.Builder builder = input.component(purl, versionSource).scope(scope);
        JsonNode license = node.path("license");
        if (license.isArray()) {
            license.forEach(each -> {
                if (each.isTextual()) {
                    builder.license(each.asText());
                }
            });
        } else if (license.isTextual()) {
            builder.license(license.asText());
        }
        String shasum = node.path("dist").path("shasum").asText("");
        if (SHA1.matcher(shasum).matches()) {
            builder.hash(HashAlgorithm.SHA1, shasum);
        }
        builder.property("assay:composer-reference", textual(node.path("source").path("reference")));
        builder.property("assay:composer-type", textual(node.path("type")));
        return builder.build();
    }

    private static String textual(JsonNode node) {
        return node.isTextual() && node.asText().length() <= 200 ? node.asText() : "";
    }

    /** The package that satisfies a requirement: itself, or one that replaces or provides it. */
    Optional<Purl> resolve(String requirement) {
        String key = requirement.toLowerCase(Locale.ROOT);
        Entry entry = byName.get(key);
        if (entry == null && providedBy.containsKey(key)) {
            entry = byName.get(providedBy.get(key));
        }
        return Optional.ofNullable(entry).map(found -> found.component().purl());
    }

    /** Components, each package's {@code require} edges, and a root's edges when there is one. */
    CatalogResult result(Optional<Component> root, List<String> rootRequirements) {
        List<Component> components = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        root.ifPresent(components::add);
        for (Entry entry : byName.values()) {
            components.add(entry.component());
            for (Iterator<String> requirements = entry.node().path("require").fieldNames(); requirements.hasNext(); ) {
                String requirement = requirements.next();
                if (!isPlatform(requirement)) {
                    resolve(requirement).ifPresent(target -> {
                        if (!target.equals(entry.component().purl())) {
                            relationships.add(
                                    Relationship.dependsOn(entry.component().purl(), target));
                        }
                    });
                }
            }
        }
        root.ifPresent(component -> rootRequirements.stream()
                .filter(requirement -> !isPlatform(requirement))
                .map(this::resolve)
                .flatMap(Optional::stream)
                .forEach(target -> relationships.add(Relationship.dependsOn(component.purl(), target))));
        return new CatalogResult(components, relationships, unknowns);
    }

    /** The root project of a composer.json, an application named like its packages. */
    Optional<Component> root(JsonNode composerJson) {
        String name = composerJson.path("name").asText("");
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        int slash = name.indexOf('/');
        String version = composerJson.path("version").asText("");
        Purl purl = Purl.of(
                PackageType.COMPOSER,
                name.substring(0, slash),
                name.substring(slash + 1),
                version.length() > 100 ? "" : version);
        Component.Builder builder = input.component(purl, "composer.json").kind(ComponentKind.APPLICATION);
        JsonNode license = composerJson.path("license");
        if (license.isTextual()) {
            builder.license(license.asText());
        } else if (license.isArray()) {
            license.forEach(each -> builder.license(each.isTextual() ? each.asText() : ""));
        }
        return Optional.of(builder.build());
    }
}
