package dev.assay.match.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A test-side reader of OSV JSON records, enough for matching: ids, aliases, ranges, versions and the
 * database severity label. CVSS vectors are kept unscored (scoring is the importer's job).
 */
public final class OsvJson {
    private OsvJson() {}

    public static Advisory read(Path file) {
        try {
            return read(
                    SafeJson.read(Files.readAllBytes(file), file.toString()),
                    file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Advisory> readDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .map(OsvJson::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Advisory read(JsonNode root, String source) {
        List<String> aliases = new ArrayList<>();
        root.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        List<AffectedPackage> affected = new ArrayList<>();
        for (JsonNode entry : root.path("affected")) {
            List<AffectedRange> ranges = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                List<RangeEvent> events = new ArrayList<>();
                for (JsonNode event : range.path("events")) {
                    event.fieldNames()
                            .forEachRemaining(kind -> events.add(new RangeEvent(
                                    RangeEvent.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                                    event.path(kind).asText())));
                }
                ranges.add(new AffectedRange(
                        AffectedRange.Type.valueOf(range.path("type").asText()),
                        range.path("repo").asText(""),
                        events));
            }
            List<String> versions = new ArrayList<>();
            entry.path("versions").forEach(version -> versions.add(version.asText()));
            affected.add(new AffectedPackage(
                    entry.path("package").path("ecosystem").asText(),
                    entry.path("package").path("name").asText(),
                    entry.path("package").path("purl").asText(""),
                    ranges,
                    versions,
                    entry.path("ecosystem_specific").path("severity").asText("")));
        }
        List<Rating> ratings = new ArrayList<>();
        for (JsonNode severity : root.path("severity")) {
            ratings.add(new Rating(
                    severity.path("type").asText(),
                    Double.NaN,
                    Severity.UNKNOWN,
                    severity.path("score").asText(),
                    "osv"));
        }
        String label = root.path("database_specific").path("severity").asText("");
        Severity.fromLabel(label)
                .ifPresent(severity -> ratings.add(new Rating(Rating.DATABASE, Double.NaN, severity, "", "github")));
        List<String> references = new ArrayList<>();
        root.path("references")
                .forEach(reference -> references.add(reference.path("url").asText()));
        return new Advisory(
                root.path("id").asText(),
                aliases,
                root.path("summary").asText(""),
                root.path("details").asText(""),
                instant(root.path("published").asText("")),
                instant(root.path("modified").asText("")),
                instant(root.path("withdrawn").asText("")),
                affected,
                ratings,
                references,
                source);
    }

    private static Instant instant(String text) {
        return text.isEmpty() ? null : Instant.parse(text);
    }
}
