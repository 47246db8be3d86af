package dev.assay.catalog.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * A {@code META-INF/maven/<groupId>/<artifactId>/pom.properties}, which Maven writes into every artifact
 * it packages: the most reliable statement of a jar's coordinates. The directory names fill in fields
 * the file leaves out.
 */
record PomProperties(String path, String groupId, String artifactId, String version) {
    static PomProperties parse(byte[] content, String path) {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(content));
        } catch (IOException | IllegalArgumentException e) {
            // malformed escapes: fall back to what the path says
            properties.clear();
        }
        String[] segments = path.split("/");
        String groupFromPath = segments.length >= 5 ? segments[segments.length - 3] : "";
        String artifactFromPath = segments.length >= 5 ? segments[segments.length - 2] : "";
        return new PomProperties(
                path,
                properties.getProperty("groupId", groupFromPath).strip(),
                properties.getProperty("artifactId", artifactFromPath).strip(),
                properties.getProperty("version", "").strip());
    }

    static boolean isPomProperties(String entryName) {
        return entryName.startsWith("META-INF/maven/") && entryName.endsWith("/pom.properties");
    }

    boolean complete() {
        return !groupId.isEmpty() && !artifactId.isEmpty() && !version.isEmpty();
    }
}
