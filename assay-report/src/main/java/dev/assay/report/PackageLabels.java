package dev.assay.report;

import dev.assay.model.Component;
import dev.assay.model.Finding;
import dev.assay.model.Purl;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How reports name packages to people: the name users type in their build files ({@code
 * org.apache.logging.log4j:log4j-core}, {@code @babel/core}, {@code golang.org/x/net}), and a finding's
 * dependency path. Machine formats carry purls as well; these labels are only for reading.
 */
final class PackageLabels {
    static final String NO_FIX = "no fix";

    private PackageLabels() {}

    /** The package name without its version, in its ecosystem's spelling. */
    static String name(Component component) {
        String group = component.group();
        String name = component.name();
        if (group.isEmpty()) {
            return name;
        }
        return switch (component.purl().type()) {
            case "maven" -> group + ":" + name;
            case "npm", "golang", "composer", "github", "swift" -> group + "/" + name;
            // Distribution packages have the distribution as namespace, which is not part of the name.
            default -> name;
        };
    }

    /**
     * {@code name} in at most {@code width} columns: the segments of a Maven group shortened to their initial
     * one by one from the left ({@code o.a.logging.log4j:log4j-core}, then {@code o.a.l.log4j:log4j-core}),
     * since the artifact is what people recognise; then the start cut off.
     */
    static String shorten(String name, int width) {
        if (TerminalText.width(name) <= width) {
            return name;
        }
        int colon = name.lastIndexOf(':');
        if (colon > 0) {
            String[] segments = name.substring(0, colon).split("\\.", -1);
            String artifact = name.substring(colon);
            for (int index = 0; index < segments.length - 1; index++) {
                if (!segments[index].isEmpty()) {
                    segments[index] = segments[index].substring(0, segments[index].offsetByCodePoints(0, 1));
                }
                String candidate = String.join(".", segments) + artifact;
                if (TerminalText.width(candidate) <= width) {
                    return candidate;
                }
            }
        }
        return TerminalText.fitStart(name, width);
    }

    /** The short name of a package on a dependency path: scope and name, no version. */
    static String pathElement(Purl purl) {
        String namespace = purl.namespace().orElse("");
        return switch (purl.type()) {
            case "npm", "golang", "composer" -> namespace.isEmpty() ? purl.name() : namespace + "/" + purl.name();
            default -> purl.name();
        };
    }

    /** {@code direct}, {@code a > b > c}, or empty when the inventory has no graph. */
    static String dependencyPath(Finding finding) {
        List<Purl> path = finding.dependencyPath();
        if (path.isEmpty()) {
            return "";
        }
        if (finding.isDirect()) {
            return "direct";
        }
        return path.stream().map(PackageLabels::pathElement).collect(Collectors.joining(" > "));
    }

    static String fixedVersions(Finding finding) {
        return finding.hasFix() ? String.join(", ", finding.fixedVersions()) : NO_FIX;
    }

    /** The version, or the purl's when the component has none. */
    static String version(Component component) {
        return component.version().isEmpty() ? component.purl().version().orElse("") : component.version();
    }
}
