package dev.assay.model;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A canonical package URL. Construction goes through packageurl-java so that every purl Assay emits is
 * normalized the same way (lower-cased types, percent-encoding, sorted qualifiers); equality is on the
 * canonical string.
 */
public final class Purl implements Comparable<Purl> {
    private final PackageURL packageUrl;
    private final String canonical;

    private Purl(PackageURL packageUrl) {
        this.packageUrl = packageUrl;
        this.canonical = packageUrl.canonicalize();
    }

    public static Purl of(PackageType type, String namespace, String name, String version) {
        return of(type.purlType(), namespace, name, version, Map.of());
    }

    public static Purl of(
            PackageType type, String namespace, String name, String version, Map<String, String> qualifiers) {
        return of(type.purlType(), namespace, name, version, qualifiers);
    }

    public static Purl of(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
        try {
            TreeMap<String, String> sortedQualifiers = new TreeMap<>();
            qualifiers.forEach((key, value) -> {
                if (value != null && !value.isEmpty()) {
                    sortedQualifiers.put(key, value);
                }
            });
            return new Purl(new PackageURL(
                    type,
                    emptyToNull(namespace),
                    name,
                    emptyToNull(version),
                    sortedQualifiers.isEmpty() ? null : sortedQualifiers,
                    null));
        } catch (MalformedPackageURLException e) {
            throw new InvalidPurlException(type + "/" + namespace + "/" + name + "@" + version, e);
        }
    }

    public static Purl parse(String purl) {
        try {
            return new Purl(new PackageURL(purl));
        } catch (MalformedPackageURLException e) {
            throw new InvalidPurlException(purl, e);
        }
    }

    public String type() {
        return packageUrl.getType();
    }

    public Optional<PackageType> packageType() {
        return PackageType.fromPurlType(packageUrl.getType());
    }

    public Optional<String> namespace() {
        return Optional.ofNullable(packageUrl.getNamespace());
    }

    public String name() {
        return packageUrl.getName();
    }

    public Optional<String> version() {
        return Optional.ofNullable(packageUrl.getVersion());
    }

    public Map<String, String> qualifiers() {
        Map<String, String> qualifiers = packageUrl.getQualifiers();
        return qualifiers == null ? Map.of() : Map.copyOf(qualifiers);
    }

    /** The purl without its version and qualifiers: the package's identity across versions. */
    public String withoutVersion() {
        StringBuilder builder =
                new StringBuilder("pkg:").append(packageUrl.getType()).append('/');
        String full = canonical.substring(builder.length());
        int cut = full.length();
        for (char stop : new char[] {'@', '?', '#'}) {
            int index = full.indexOf(stop);
            if (index >= 0 && index < cut) {
                cut = index;
            }
        }
        return builder.append(full, 0, cut).toString();
    }

    @Override
    public int compareTo(Purl other) {
        return canonical.compareTo(other.canonical);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Purl purl && purl.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical);
    }

    @Override
    public String toString() {
        return canonical;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
