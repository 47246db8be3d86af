package dev.assay.match.internal;

import dev.assay.model.Component;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution facts of an OS package, read the way Assay's OS catalogers write them and the way other
 * tools write distro purls: the {@code distro} qualifier ({@code debian-12}, {@code alpine-3.19.1}, {@code
 * opensuse-leap-15.5}), else the {@code assay:distro} property ({@code debian:12}), else the purl namespace
 * for the distribution id alone.
 *
 * @param id the os-release id, lower case ({@code debian}, {@code ubuntu}, {@code alpine}, {@code rhel})
 * @param release the os-release version id or codename, or empty when unknown
 */
public record DistroPackage(String id, String release) {
    /** Properties Assay's OS catalogers set on every OS package. */
    public static final String SOURCE_PACKAGE = "assay:source-package";

    public static final String SOURCE_VERSION = "assay:source-version";
    public static final String DISTRO = "assay:distro";

    public static DistroPackage of(Component component) {
        String namespace = component.purl().namespace().orElse("").toLowerCase(Locale.ROOT);
        String qualifier =
                component.purl().qualifiers().getOrDefault("distro", "").strip();
        if (!qualifier.isEmpty()) {
            Optional<DistroPackage> parsed = split(qualifier, '-');
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        String property = component.property(DISTRO).orElse("").strip();
        if (!property.isEmpty()) {
            int colon = property.indexOf(':');
            if (colon > 0) {
                return new DistroPackage(
                        property.substring(0, colon).toLowerCase(Locale.ROOT), property.substring(colon + 1));
            }
        }
        if (!qualifier.isEmpty()) {
            // "distro=debian-bookworm", "distro=bookworm" or "distro=debian": a codename, or no release.
            String lower = qualifier.toLowerCase(Locale.ROOT);
            if (lower.equals(namespace)) {
                return new DistroPackage(namespace, "");
            }
            if (lower.startsWith(namespace + "-")) {
                return new DistroPackage(namespace, lower.substring(namespace.length() + 1));
            }
            return new DistroPackage(namespace, lower);
        }
        return new DistroPackage(namespace, "");
    }

    /** {@code opensuse-leap-15.5} is id {@code opensuse-leap}, release {@code 15.5}: the release starts with a digit. */
    private static Optional<DistroPackage> split(String value, char separator) {
        for (int index = value.length() - 1; index > 0; index--) {
            if (value.charAt(index) == separator
                    && index + 1 < value.length()
                    && Character.isDigit(value.charAt(index + 1))) {
                return Optional.of(new DistroPackage(
                        value.substring(0, index).toLowerCase(Locale.ROOT), value.substring(index + 1)));
            }
        }
        return Optional.empty();
    }

    /**
     * The source package name: the {@code assay:source-package} property, else the name in the purl's
     * {@code upstream} qualifier ({@code glibc} or {@code glibc@2.36-9}), else the binary package's name.
     */
    public static String sourceName(Component component) {
        Optional<String> property = component.property(SOURCE_PACKAGE).filter(value -> !value.isBlank());
        if (property.isPresent()) {
            return property.get();
        }
        String upstream = upstream(component.purl().qualifiers());
        if (!upstream.isEmpty()) {
            int at = upstream.indexOf('@');
            return at < 0 ? upstream : upstream.substring(0, at);
        }
        return component.purl().name();
    }

    /** The source version when one is recorded ({@code assay:source-version}, {@code upstream=name@version}). */
    public static Optional<String> sourceVersion(Component component) {
        Optional<String> property = component.property(SOURCE_VERSION).filter(value -> !value.isBlank());
        if (property.isPresent()) {
            return property;
        }
        String upstream = upstream(component.purl().qualifiers());
        int at = upstream.indexOf('@');
        return at < 0 || at == upstream.length() - 1 ? Optional.empty() : Optional.of(upstream.substring(at + 1));
    }

    private static String upstream(Map<String, String> qualifiers) {
        String upstream = qualifiers.getOrDefault("upstream", "").strip();
        // An rpm's upstream is the source rpm file name, not a package name.
        return upstream.endsWith(".rpm") ? "" : upstream;
    }
}
