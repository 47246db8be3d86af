package dev.assay.match.fakes;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds advisory records for tests, with only what a test cares about. */
public final class Advisories {
    private final String id;
    private final List<String> aliases = new ArrayList<>();
    private String summary = "";
    private String details = "";
    private Instant published;
    private Instant modified;
    private Instant withdrawn;
    private final List<AffectedPackage> affected = new ArrayList<>();
    private final List<Rating> ratings = new ArrayList<>();

    private Advisories(String id) {
        this.id = id;
    }

    public static Advisories advisory(String id) {
        return new Advisories(id);
    }

    public Advisories aliases(String... names) {
        aliases.addAll(List.of(names));
        return this;
    }

    public Advisories summary(String text) {
        summary = text;
        return this;
    }

    public Advisories details(String text) {
        details = text;
        return this;
    }

    public Advisories published(String instant) {
        published = Instant.parse(instant);
        return this;
    }

    public Advisories modified(String instant) {
        modified = Instant.parse(instant);
        return this;
    }

    public Advisories withdrawn() {
        withdrawn = Instant.parse("2024-01-01T00:00:00Z");
        return this;
    }

    public Advisories rating(Rating rating) {
        ratings.add(rating);
        return this;
    }

    /** An ECOSYSTEM range {@code [introduced, fixed)}; {@code fixed} null for an open range. */
    public Advisories range(String ecosystem, String name, String introduced, String fixed) {
        List<RangeEvent> events = new ArrayList<>();
        events.add(RangeEvent.introduced(introduced));
        if (fixed != null) {
            events.add(RangeEvent.fixed(fixed));
        }
        affected.add(new AffectedPackage(
                ecosystem,
                name,
                "",
                List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, "", events)),
                List.of(),
                ""));
        return this;
    }

    public Advisories affected(AffectedPackage entry) {
        affected.add(entry);
        return this;
    }

    public Advisory build() {
        return new Advisory(
                id, aliases, summary, details, published, modified, withdrawn, affected, ratings, List.of(), "test");
    }
}
