package dev.assay.version;

import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The OSV schema's evaluation of an {@code affected[]} entry ("Evaluation" in the OSV specification): a
 * version is affected when the explicit {@code versions} list contains it or a range does. Within a range,
 * events are sorted by the range's ordering ({@code introduced: "0"} below everything, a {@code limit}
 * containing {@code *} above everything, equal versions kept in record order) and swept: {@code introduced}
 * at or below the version turns it on, {@code fixed} at or below turns it off, {@code last_affected} below
 * turns it off; {@code limit} events bound the range from above. {@code GIT} ranges name commits and are
 * skipped. A range whose events or whose queried version the ordering cannot read is not guessed at: it
 * makes the result {@link AffectedStatus.Undecided} unless something else matched.
 */
public final class AffectedVersions {
    private static final String EXACT = "exact";

    private AffectedVersions() {}

    /**
     * Evaluates {@code version} against one affected entry. Use {@code evaluate(entry, version).hit()} for
     * an {@code Optional<AffectedHit>}; switch over the result to tell "not affected" from "undecided".
     */
    public static AffectedStatus evaluate(AffectedPackage affected, String version) {
        Objects.requireNonNull(affected, "affected");
        Objects.requireNonNull(version, "version");
        // Each distinct string is read once per evaluation, however often sorting and sweeping compare it.
        Map<VersionScheme, VersionScheme> memoized = new HashMap<>();
        Function<VersionScheme, VersionScheme> reading =
                scheme -> memoized.computeIfAbsent(scheme, AffectedVersions::memoizing);
        Set<String> reasons = new LinkedHashSet<>();
        List<RangeOutcome> decided = new ArrayList<>();
        boolean versionRanges = false;
        for (AffectedRange range : affected.ranges()) {
            if (range.type() == AffectedRange.Type.GIT) {
                continue;
            }
            versionRanges = true;
            Optional<VersionScheme> scheme = VersionSchemes.forRangeType(range.type(), affected.ecosystem());
            if (scheme.isEmpty()) {
                reasons.add("no version order is known for ecosystem '" + affected.ecosystem() + "'");
                continue;
            }
            RangeOutcome outcome = evaluateRange(range, reading.apply(scheme.get()), version);
            if (outcome.undecidedReason() != null) {
                reasons.add(outcome.undecidedReason());
            } else {
                decided.add(outcome);
            }
        }
        Optional<VersionScheme> ecosystemScheme =
                VersionSchemes.forEcosystem(affected.ecosystem()).map(reading);
        for (RangeOutcome outcome : decided) {
            if (outcome.interval() != null) {
                AffectedHit.MatchedBy matchedBy = outcome.type() == AffectedRange.Type.SEMVER
                        ? AffectedHit.MatchedBy.SEMVER_RANGE
                        : AffectedHit.MatchedBy.ECOSYSTEM_RANGE;
                return new AffectedStatus.Affected(new AffectedHit(
                        version,
                        outcome.scheme().id(),
                        matchedBy,
                        outcome.interval(),
                        fixedAbove(decided, outcome.scheme())));
            }
        }
        if (listed(affected.versions(), version, ecosystemScheme)) {
            VersionScheme scheme =
                    ecosystemScheme.filter(known -> known.isValid(version)).orElse(null);
            return new AffectedStatus.Affected(new AffectedHit(
                    version,
                    scheme == null ? EXACT : scheme.id(),
                    AffectedHit.MatchedBy.VERSION_LIST,
                    "version list",
                    scheme == null ? List.of() : fixedAbove(decided, scheme)));
        }
        if (!versionRanges
                && affected.versions().isEmpty()
                && !affected.ranges().isEmpty()) {
            reasons.add("only GIT ranges, which name commits rather than versions, and no version list");
        }
        return reasons.isEmpty()
                ? new AffectedStatus.NotAffected()
                : new AffectedStatus.Undecided(List.copyOf(reasons));
    }

    private static VersionScheme memoizing(VersionScheme scheme) {
        return scheme instanceof ParsedVersionScheme<?> parsed ? parsed.memoizing() : scheme;
    }

    /** Exact string match, or equivalence under the ecosystem's order where both sides are valid. */
    private static boolean listed(List<String> versions, String version, Optional<VersionScheme> scheme) {
        boolean comparable = scheme.isPresent() && scheme.get().isValid(version);
        for (String listed : versions) {
            if (listed.equals(version)) {
                return true;
            }
            if (comparable && scheme.get().isValid(listed) && scheme.get().equivalent(listed, version)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One evaluated range: undecided (with the reason), or decided with the matching interval (null when
     * the version is outside) and the fixed versions above it.
     */
    private record RangeOutcome(
            AffectedRange.Type type,
            VersionScheme scheme,
            String undecidedReason,
            String interval,
            List<String> fixedAbove) {
        static RangeOutcome undecided(String reason) {
            return new RangeOutcome(null, null, reason, null, List.of());
        }
    }

    private static RangeOutcome evaluateRange(AffectedRange range, VersionScheme scheme, String version) {
        if (!scheme.isValid(version)) {
            return RangeOutcome.undecided(
                    "'" + VersionText.shown(version) + "' is not a valid " + scheme.id() + " version");
        }
        for (RangeEvent event : range.events()) {
            if (!isUnbounded(event) && !scheme.isValid(event.version())) {
                return RangeOutcome.undecided("the range event " + describe(event) + " is not a valid " + scheme.id()
                        + " version, so its range was skipped");
            }
        }
        List<RangeEvent> events = new ArrayList<>(range.events());
        events.sort(eventOrder(scheme));

        RangeEvent start = null;
        boolean vulnerable = false;
        for (RangeEvent event : events) {
            switch (event.kind()) {
                case INTRODUCED -> {
                    if (isUnbounded(event) || scheme.compare(version, event.version()) >= 0) {
                        if (!vulnerable) {
                            start = event;
                        }
                        vulnerable = true;
                    }
                }
                case FIXED -> {
                    if (scheme.compare(version, event.version()) >= 0) {
                        vulnerable = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (scheme.compare(version, event.version()) > 0) {
                        vulnerable = false;
                    }
                }
                case LIMIT -> {
                    // Limits bound the range as a whole; see beforeLimits.
                }
            }
        }
        List<String> fixedAbove = new ArrayList<>();
        for (RangeEvent event : events) {
            if (event.kind() == RangeEvent.Kind.FIXED && scheme.compare(event.version(), version) > 0) {
                fixedAbove.add(event.version());
            }
        }
        String interval = vulnerable && beforeLimits(events, scheme, version)
                ? interval(start, upperBound(events, scheme, version))
                : null;
        return new RangeOutcome(range.type(), scheme, null, interval, fixedAbove);
    }

    /** Without limit events the range is unbounded; with them, the version must be below at least one. */
    private static boolean beforeLimits(List<RangeEvent> events, VersionScheme scheme, String version) {
        boolean anyLimit = false;
        for (RangeEvent event : events) {
            if (event.kind() == RangeEvent.Kind.LIMIT) {
                anyLimit = true;
                if (isUnbounded(event) || scheme.compare(version, event.version()) < 0) {
                    return true;
                }
            }
        }
        return !anyLimit;
    }

    /**
     * The nearest event above the version that ends its interval: a {@code fixed} or {@code limit} above it
     * ({@code <}) or a {@code last_affected} at or above it ({@code <=}); null when none does.
     */
    private static String upperBound(List<RangeEvent> events, VersionScheme scheme, String version) {
        RangeEvent nearest = null;
        for (RangeEvent event : events) {
            boolean bounds = switch (event.kind()) {
                case FIXED -> scheme.compare(event.version(), version) > 0;
                case LIMIT -> !isUnbounded(event) && scheme.compare(event.version(), version) > 0;
                case LAST_AFFECTED -> scheme.compare(event.version(), version) >= 0;
                case INTRODUCED -> false;
            };
            if (!bounds) {
                continue;
            }
            if (nearest == null) {
                nearest = event;
                continue;
            }
            int order = scheme.compare(event.version(), nearest.version());
            boolean tighter = order < 0
                    || (order == 0
                            && nearest.kind() == RangeEvent.Kind.LAST_AFFECTED
                            && event.kind() != RangeEvent.Kind.LAST_AFFECTED);
            if (tighter) {
                nearest = event;
            }
        }
        if (nearest == null) {
            return null;
        }
        return (nearest.kind() == RangeEvent.Kind.LAST_AFFECTED ? "<=" : "<") + nearest.version();
    }

    private static String interval(RangeEvent start, String upper) {
        List<String> bounds = new ArrayList<>(2);
        if (start != null && !isUnbounded(start)) {
            bounds.add(">=" + start.version());
        }
        if (upper != null) {
            bounds.add(upper);
        }
        return bounds.isEmpty() ? ">=0" : String.join(", ", bounds);
    }

    /** The fixed versions above the version from every decided range, ordered by {@code scheme}. */
    private static List<String> fixedAbove(List<RangeOutcome> decided, VersionScheme scheme) {
        List<String> ordered = new ArrayList<>();
        List<String> unordered = new ArrayList<>();
        for (RangeOutcome outcome : decided) {
            for (String fixed : outcome.fixedAbove()) {
                List<String> target = scheme.isValid(fixed) ? ordered : unordered;
                if (!target.contains(fixed)) {
                    target.add(fixed);
                }
            }
        }
        ordered.sort(scheme::compare);
        List<String> result = new ArrayList<>();
        for (String fixed : ordered) {
            if (result.isEmpty() || !scheme.equivalent(result.getLast(), fixed)) {
                result.add(fixed);
            }
        }
        result.addAll(unordered);
        return result;
    }

    private static Comparator<RangeEvent> eventOrder(VersionScheme scheme) {
        return (left, right) -> {
            int leftEdge = edge(left);
            int rightEdge = edge(right);
            if (leftEdge != 0 || rightEdge != 0) {
                return Integer.compare(leftEdge, rightEdge);
            }
            return scheme.compare(left.version(), right.version());
        };
    }

    /** -1 for {@code introduced: "0"}, 1 for a {@code limit} containing {@code *}, 0 for an ordinary event. */
    private static int edge(RangeEvent event) {
        if (!isUnbounded(event)) {
            return 0;
        }
        return event.kind() == RangeEvent.Kind.INTRODUCED ? -1 : 1;
    }

    /** The OSV special values: {@code introduced: "0"} (before everything) and {@code limit: "*"} (infinity). */
    private static boolean isUnbounded(RangeEvent event) {
        return switch (event.kind()) {
            case INTRODUCED -> event.version().equals("0");
            case LIMIT -> event.version().contains("*");
            case FIXED, LAST_AFFECTED -> false;
        };
    }

    private static String describe(RangeEvent event) {
        String kind = switch (event.kind()) {
            case INTRODUCED -> "introduced";
            case FIXED -> "fixed";
            case LAST_AFFECTED -> "last_affected";
            case LIMIT -> "limit";
        };
        return kind + ": '" + VersionText.shown(event.version()) + "'";
    }
}
