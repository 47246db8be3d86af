package dev.assay.catalog.java;

import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Maven artifact as the purl spec names it: group, artifact, version, and the {@code type} and {@code
 * classifier} qualifiers, which the spec wants only when they differ from the default ({@code jar}, none).
 */
record MavenCoordinates(String groupId, String artifactId, String version, String type, String classifier) {
    static MavenCoordinates of(String groupId, String artifactId, String version) {
        return new MavenCoordinates(groupId, artifactId, version, "", "");
    }

    Purl purl() {
        Map<String, String> qualifiers = new TreeMap<>();
        if (!type.isEmpty() && !type.equals("jar")) {
            qualifiers.put("type", type);
        }
        if (!classifier.isEmpty()) {
            qualifiers.put("classifier", classifier);
        }
        return Purl.of(PackageType.MAVEN, groupId, artifactId, version, qualifiers);
    }

    /** {@code group:artifact}, how Maven users name a module in messages. */
    String key() {
        return groupId + ":" + artifactId;
    }
}
