package dev.assay.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a {@code vers:} range (the purl project's version range notation, used by CycloneDX {@code
 * affects[].versions[].range}) contains a version. Empty when it cannot tell: an unknown versioning scheme,
 * or a version or bound the scheme cannot read.
 *
 * <p>Constraints are evaluated as the vers specification describes: a version equal to an {@code =} bound is
 * in and one equal to a {@code !=} bound is out; the other bounds, sorted, form intervals: a leading {@code
 * <}/{@code <=}, a trailing {@code >}/{@code >=}, and each {@code >}/{@code >=} followed by a {@code <}/{@code
 * <=}. {@code vers:generic} names no ordering, so the caller says which to use.
 */
public final class VersRange {
    private static final Map<String, String> SCHEME_BY_VERS_TYPE = Map.ofEntries(
            Map.entry("maven", "maven"),
            Map.entry("npm", "semver"),
            Map.entry("semver", "semver"),
            Map.entry("cargo", "semver"),
            Map.entry("pypi", "pep440"),
            Map.entry("golang", "go"),
            Map.entry("gem", "gem"),
            Map.entry("nuget", "nuget"),
            Map.entry("composer", "composer"),
            Map.entry("deb", "deb"),
            Map.entry("rpm", "rpm"),
            Map.entry("apk", "apk"),
            Map.entry("alpine", "apk"));

    private VersRange() {}

    /**
     * @param genericType the purl type whose ordering {@code vers:generic} uses (the product's own)
     * @return whether the range contains the version; empty when undecidable
     */
    public static Optional<Boolean> contains(String vers, String version, String genericType) {
        String text = vers.strip();
        if (!text.regionMatches(true, 0, "vers:", 0, 5)) {
            return Optional.empty();
        }
        int slash = text.indexOf('/', 5);
        if (slash < 0) {
            return Optional.empty();
        }
        String type = text.substring(5, slash).toLowerCase(Locale.ROOT);
        String constraints = text.substring(slash + 1).strip();
        if (constraints.equals("*")) {
            return Optional.of(true);
        }
        Optional<VersionScheme> scheme = scheme(type.equals("generic") ? genericType : type);
        if (scheme.isEmpty() || !scheme.get().isValid(version)) {
            return Optional.empty();
        }
        try {
            return evaluate(constraints, version, scheme.get());
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    /** The version order a vers type uses ({@code maven}, {@code npm}...); empty for a type without one. */
    public static Optional<VersionScheme> scheme(String type) {
        String id = SCHEME_BY_VERS_TYPE.get(type.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : VersionSchemes.byId(id);
    }

    /** The vers types {@link #scheme} knows, sorted. */
    public static List<String> knownTypes() {
        return SCHEME_BY_VERS_TYPE.keySet().stream().sorted().toList();
    }

    private static Optional<Boolean> evaluate(String constraints, String version, VersionScheme scheme) {
        List<Bound> bounds = new ArrayList<>();
        for (String raw : constraints.split("\\|", -1)) {
            Optional<Bound> bound = Bound.parse(raw.strip());
            if (bound.isEmpty() || !scheme.isValid(bound.get().version())) {
                return Optional.empty();
            }
            bounds.add(bound.get());
        }
        List<Bound> ordered = new ArrayList<>();
        for (Bound bound : bounds) {
            int order = scheme.compare(version, bound.version());
            switch (bound.comparator()) {
                case "=" -> {
                    if (order == 0) {
                        return Optional.of(true);
                    }
                }
                case "!=" -> {
                    if (order == 0) {
                        return Optional.of(false);
                    }
                }
                default -> ordered.add(bound);
            }
        }
        if (ordered.isEmpty()) {
            return Optional.of(false);
        }
        ordered.sort(Comparator.comparing(Bound::version, scheme::compare));
        Bound first = ordered.getFirst();
        if (first.isUpper() && first.admits(version, scheme)) {
            return Optional.of(true);
        }
        Bound last = ordered.getLast();
        if (last.isLower() && last.admits(version, scheme)) {
            return Optional.of(true);
        }
        for (int index = 0; index + 1 < ordered.size(); index++) {
            Bound lower = ordered.get(index);
            Bound upper = ordered.get(index + 1);
            if (lower.isLower() && upper.isUpper() && lower.admits(version, scheme) && upper.admits(version, scheme)) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    private record Bound(String comparator, String version) {
        static Optional<Bound> parse(String constraint) {
            for (String comparator : List.of(">=", "<=", "!=", "<", ">", "=")) {
                if (constraint.startsWith(comparator)) {
                    String version = constraint.substring(comparator.length()).strip();
                    return version.isEmpty() ? Optional.empty() : Optional.of(new Bound(comparator, version));
                }
            }
            return constraint.isEmpty() ? Optional.empty() : Optional.of(new Bound("=", constraint));
        }

        boolean isLower() {
            return comparator.startsWith(">");
        }

        boolean isUpper() {
            return comparator.startsWith("<");
        }

        boolean admits(String candidate, VersionScheme scheme) {
            int order = scheme.compare(candidate, version);
            return switch (comparator) {
                case ">=" -> order >= 0;
                case ">" -> order > 0;
                case "<=" -> order <= 0;
                case "<" -> order < 0;
                default -> order == 0;
            };
        }
    }
}
