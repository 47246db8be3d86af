package dev.assay.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published vulnerability record (OSV schema 1.x), reduced to what matching and reporting use and with
 * its ratings already scored, so that scanning never parses a vector or a JSON document.
 *
 * @param modified when the record last changed; drives incremental updates
 * @param withdrawn when the record was withdrawn, or null; withdrawn records never match
 * @param source where it came from ({@code osv:PyPI}, {@code osv:Go}, a file name)
 */
public record Advisory(
        String id,
        List<String> aliases,
        String summary,
        String details,
        Instant published,
        Instant modified,
        Instant withdrawn,
        List<AffectedPackage> affected,
        List<Rating> ratings,
        List<String> references,
        String source) {
    public Advisory {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        summary = summary == null ? "" : summary;
        details = details == null ? "" : details;
        affected = List.copyOf(affected);
        ratings = List.copyOf(ratings);
        references = List.copyOf(references);
        source = source == null ? "" : source;
    }

    public boolean isWithdrawn() {
        return withdrawn != null;
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(published);
    }

    public Optional<Instant> modifiedAt() {
        return Optional.ofNullable(modified);
    }
}
