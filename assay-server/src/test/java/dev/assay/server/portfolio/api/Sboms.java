package dev.assay.server.portfolio.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/** CycloneDX JSON documents for the API tests: a subject depending directly on its first component. */
final class Sboms {
    private Sboms() {}

    static String cyclonedx(String subject, List<String> components) {
        String list = components.stream()
                .map(purl -> "{\"type\":\"library\",\"bom-ref\":\"" + purl + "\",\"name\":\"" + name(purl)
                        + "\",\"version\":\"" + version(purl) + "\",\"purl\":\"" + purl
                        + "\",\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}]}")
                .collect(Collectors.joining(","));
        List<String> deps = new ArrayList<>();
        if (!components.isEmpty()) {
            deps.add("{\"ref\":\"" + subject + "\",\"dependsOn\":[\"" + components.get(0) + "\"]}");
            if (components.size() > 1) {
                deps.add("{\"ref\":\"" + components.get(0) + "\",\"dependsOn\":[\"" + components.get(1) + "\"]}");
            }
        }
        return """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"%s","name":"%s","version":"%s","purl":"%s"}},
                 "components":[%s],
                 "dependencies":[%s]}
                """.formatted(subject, name(subject), version(subject), subject, list, String.join(",", deps));
    }

    /** {@code n} components {@code pkg:npm/lib-<i>@1.0.<seed>}. */
    static String generated(String subject, int n, int seed) {
        List<String> purls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            purls.add("pkg:npm/lib-" + i + "@1.0." + seed);
        }
        return cyclonedx(subject, purls);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String name(String purl) {
        String path = purl.substring(0, purl.indexOf('@'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String version(String purl) {
        return purl.substring(purl.indexOf('@') + 1);
    }
}
