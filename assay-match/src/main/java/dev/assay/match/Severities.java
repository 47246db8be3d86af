package dev.assay.match;

import dev.assay.model.Rating;
import dev.assay.model.Severity;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one severity a finding is gated on, from all the ratings its records carry:
 *
 * <ol>
 *   <li>CVSS base scores: from each rating source only its newest CVSS version counts (a source that rates
 *       v4 and v3 is taken at its v4 word; v2 only where it has nothing newer), and the highest of those
 *       scores across sources gives the severity. Across sources the highest wins because a gate must not
 *       pass on the most lenient opinion.
 *   <li>else the most severe database label ({@code database_specific.severity}, a distribution's urgency);
 *   <li>else the most severe ecosystem label of the matched {@code affected[]} entries;
 *   <li>else {@link Severity#UNKNOWN}.
 * </ol>
 */
public final class Severities {
    private Severities() {}

    public static Severity of(Collection<Rating> ratings, Collection<String> ecosystemLabels) {
        Map<String, Rating> newestBySource = new HashMap<>();
        for (Rating rating : ratings) {
            int version = cvssVersion(rating.method());
            if (version == 0 || !rating.hasScore()) {
                continue;
            }
            String source = rating.source().toLowerCase(Locale.ROOT);
            Rating current = newestBySource.get(source);
            if (current == null
                    || version > cvssVersion(current.method())
                    || (version == cvssVersion(current.method()) && rating.score() > current.score())) {
                newestBySource.put(source, rating);
            }
        }
        Optional<Double> highest =
                newestBySource.values().stream().map(Rating::score).max(Double::compare);
        if (highest.isPresent()) {
            return Severity.fromScore(highest.get());
        }
        Severity label = Severity.UNKNOWN;
        for (Rating rating : ratings) {
            if (rating.severity().compareTo(label) < 0) {
                label = rating.severity();
            }
        }
        if (label != Severity.UNKNOWN) {
            return label;
        }
        for (String ecosystemLabel : ecosystemLabels) {
            Severity severity = Severity.fromLabel(ecosystemLabel).orElse(Severity.UNKNOWN);
            if (severity.compareTo(label) < 0) {
                label = severity;
            }
        }
        return label;
    }

    /** 4, 3 or 2 for OSV's {@code CVSS_V4}, {@code CVSS_V3}, {@code CVSS_V2}; 0 for anything else. */
    static int cvssVersion(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "CVSS_V4" -> 4;
            case "CVSS_V3" -> 3;
            case "CVSS_V2" -> 2;
            default -> 0;
        };
    }
}
