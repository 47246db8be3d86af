package dev.assay.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One package found in a source: identified by its purl, with the evidence of where and how it was
 * found. Two components with the same purl are the same package and are merged (their evidence,
 * hashes and licenses united).
 *
 * @param group the namespace users know: Maven groupId, npm scope, Go module path prefix, distro vendor
 * @param licenses declared licenses as SPDX expressions or ids where known, otherwise as written
 * @param properties extra facts in {@code assay:*} keys (source package, architecture, distro)
 */
public record Component(
        Purl purl,
        ComponentKind kind,
        String group,
        String name,
        String version,
        Scope scope,
        SortedSet<String> licenses,
        SortedSet<Hash> hashes,
        SortedSet<Evidence> evidence,
        SortedMap<String, String> properties)
        implements Comparable<Component> {

    public Component {
        Objects.requireNonNull(purl, "purl");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        scope = scope == null ? Scope.REQUIRED : scope;
        licenses = Collections.unmodifiableSortedSet(new TreeSet<>(licenses));
        hashes = Collections.unmodifiableSortedSet(new TreeSet<>(hashes));
        evidence = Collections.unmodifiableSortedSet(new TreeSet<>(evidence));
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    }

    public static Builder builder(Purl purl) {
        return new Builder(purl);
    }

    /** The reference other parts of an SBOM use for this component: its canonical purl. */
    public String bomRef() {
        return purl.toString();
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** Unites what two catalogers found about the same package; the first non-empty value wins. */
    public Component mergedWith(Component other) {
        if (!other.purl.equals(purl)) {
            throw new IllegalArgumentException("cannot merge " + purl + " with " + other.purl);
        }
        TreeMap<String, String> mergedProperties = new TreeMap<>(other.properties);
        mergedProperties.putAll(properties);
        return new Component(
                purl,
                kind,
                group.isEmpty() ? other.group : group,
                name,
                version.isEmpty() ? other.version : version,
                scope.compareTo(other.scope) <= 0 ? scope : other.scope,
                union(licenses, other.licenses),
                union(hashes, other.hashes),
                union(evidence, other.evidence),
                mergedProperties);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(purl)
                .kind(kind)
                .group(group)
                .name(name)
                .version(version)
                .scope(scope);
        builder.licenses.addAll(licenses);
        builder.hashes.addAll(hashes);
        builder.evidence.addAll(evidence);
        builder.properties.putAll(properties);
        return builder;
    }

    @Override
    public int compareTo(Component other) {
        return purl.compareTo(other.purl);
    }

    private static <T extends Comparable<T>> SortedSet<T> union(Collection<T> first, Collection<T> second) {
        TreeSet<T> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }

    /** Builds a component; name, group and version default to the purl's. */
    public static final class Builder {
        private final Purl purl;
        private ComponentKind kind = ComponentKind.LIBRARY;
        private String group;
        private String name;
        private String version;
        private Scope scope = Scope.REQUIRED;
        private final TreeSet<String> licenses = new TreeSet<>();
        private final TreeSet<Hash> hashes = new TreeSet<>();
        private final TreeSet<Evidence> evidence = new TreeSet<>();
        private final TreeMap<String, String> properties = new TreeMap<>();

        private Builder(Purl purl) {
            this.purl = Objects.requireNonNull(purl, "purl");
        }

        public Builder kind(ComponentKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder license(String license) {
            if (license != null && !license.isBlank()) {
                licenses.add(license.strip());
            }
            return this;
        }

        public Builder licenses(Collection<String> licenses) {
            licenses.forEach(this::license);
            return this;
        }

        public Builder hash(Hash hash) {
            hashes.add(hash);
            return this;
        }

        public Builder hash(HashAlgorithm algorithm, String hex) {
            return hash(new Hash(algorithm, hex));
        }

        public Builder evidence(Evidence evidence) {
            this.evidence.add(evidence);
            return this;
        }

        public Builder evidence(String catalogerId, Location location, String versionSource) {
            return evidence(new Evidence(catalogerId, location, versionSource));
        }

        public Builder property(String key, String value) {
            if (value != null && !value.isEmpty()) {
                properties.put(key, value);
            }
            return this;
        }

        public Builder properties(Map<String, String> properties) {
            properties.forEach(this::property);
            return this;
        }

        public Component build() {
            return new Component(
                    purl,
                    kind,
                    group != null ? group : purl.namespace().orElse(""),
                    name != null ? name : purl.name(),
                    version != null ? version : purl.version().orElse(""),
                    scope,
                    licenses,
                    hashes,
                    evidence,
                    properties);
        }
    }
}
