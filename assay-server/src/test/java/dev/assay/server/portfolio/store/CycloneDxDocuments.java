package dev.assay.server.portfolio.store;

import dev.assay.engine.SbomUploads;
import dev.assay.engine.UploadedSbom;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** CycloneDX JSON documents written out as text, read back through the same path an upload takes. */
final class CycloneDxDocuments {
    private CycloneDxDocuments() {}

    /**
     * @param subject the application's purl
     * @param components component purls
     * @param dependsOn edges, from a purl (or the subject) to the purls it depends on
     */
    static String json(String subject, List<String> components, Map<String, List<String>> dependsOn) {
        String componentJson = components.stream()
                .map(purl -> "{\"type\":\"library\",\"bom-ref\":\"" + purl + "\",\"name\":\"" + nameOf(purl)
                        + "\",\"version\":\"" + versionOf(purl) + "\",\"purl\":\"" + purl + "\"}")
                .collect(Collectors.joining(",\n    "));
        String dependencyJson = dependsOn.entrySet().stream()
                .map(entry -> "{\"ref\":\"" + entry.getKey() + "\",\"dependsOn\":["
                        + entry.getValue().stream().map(to -> "\"" + to + "\"").collect(Collectors.joining(","))
                        + "]}")
                .collect(Collectors.joining(",\n    "));
        return """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"%s","name":"%s","version":"%s","purl":"%s"}},
                 "components":[
                    %s],
                 "dependencies":[
                    %s]}
                """.formatted(subject, nameOf(subject), versionOf(subject), subject, componentJson, dependencyJson);
    }

    static UploadedSbom upload(String json) {
        return SbomUploads.read(json.getBytes(StandardCharsets.UTF_8), "upload.json", 64L * 1024 * 1024);
    }

    private static String nameOf(String purl) {
        String path = purl.substring(0, purl.indexOf('@'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String versionOf(String purl) {
        return purl.substring(purl.indexOf('@') + 1);
    }
}
