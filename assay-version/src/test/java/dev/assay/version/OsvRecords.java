package dev.assay.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few fields of an OSV record these tests need ({@code affected[].package.ecosystem/name}, {@code
 * ranges}, {@code versions}), read straight from corpus files. Not the product's OSV importer, which lives in
 * assay-vulndb; just enough to feed real records to {@link AffectedVersions}.
 */
final class OsvRecords {
    private OsvRecords() {}

    static List<AffectedPackage> read(Path file) {
        try {
            String name = file.getFileName().toString();
            byte[] content = Files.readAllBytes(file);
            JsonNode record = name.endsWith(".yaml") || name.endsWith(".yml")
                    ? SafeJson.mapper()
                            .valueToTree((Map<?, ?>) SafeYaml.load(new String(content, StandardCharsets.UTF_8), name))
                    : SafeJson.read(content, name);
            return affected(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<AffectedPackage> affected(JsonNode record) {
        List<AffectedPackage> packages = new ArrayList<>();
        for (JsonNode entry : record.path("affected")) {
            List<AffectedRange> ranges = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                List<RangeEvent> events = new ArrayList<>();
                for (JsonNode event : range.path("events")) {
                    Iterator<Map.Entry<String, JsonNode>> fields =
                            event.properties().iterator();
                    Map.Entry<String, JsonNode> field = fields.next();
                    RangeEvent.Kind kind =
                            RangeEvent.Kind.valueOf(field.getKey().toUpperCase(Locale.ROOT));
                    events.add(new RangeEvent(kind, field.getValue().asText()));
                }
                ranges.add(new AffectedRange(
                        AffectedRange.Type.valueOf(range.path("type").asText()),
                        range.path("repo").asText(),
                        events));
            }
            List<String> versions = new ArrayList<>();
            for (JsonNode version : entry.path("versions")) {
                versions.add(version.asText());
            }
            packages.add(new AffectedPackage(
                    entry.path("package").path("ecosystem").asText(),
                    entry.path("package").path("name").asText(),
                    entry.path("package").path("purl").asText(""),
                    ranges,
                    versions,
                    ""));
        }
        return packages;
    }

    static List<Path> files(Path directory, String suffix) {
        try (var paths = Files.walk(directory)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
