package dev.assay.match.vex;

import dev.assay.model.Component;
import dev.assay.model.Finding;
import dev.assay.model.Purl;
import dev.assay.model.Sbom;
import dev.assay.model.SuppressedFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies VEX statements to findings.
 *
 * <p>A statement applies to a finding when
 *
 * <ul>
 *   <li>one of its vulnerability names (name or alias) is one of the finding's (id or alias), ignoring case;
 *       and
 *   <li>one of its products is the finding's component, or the scanned thing itself (the SBOM's subject), or
 *       a component on the finding's dependency path; and, when the product lists subcomponents, one of them
 *       is the finding's component.
 * </ul>
 *
 * A product purl matches a component purl of the same type, namespace and name; a version in the product purl
 * must be the component's, a version-less purl matches every version; qualifiers in the product purl must be
 * present with the same value, and a product purl without qualifiers ignores the component's. Versions and
 * vers ranges that narrow a product (CycloneDX {@code affects[].versions}) must contain the matched
 * component's version; a range that cannot be evaluated never applies the statement.
 *
 * <p>When several statements apply to one finding, the latest wins: by timestamp, a statement without one
 * being the oldest, then by position (a later document, then a later statement in it). {@code not_affected}
 * and {@code fixed} move the finding to the suppressed list; {@code affected} and {@code under_investigation}
 * keep it and are returned as annotations.
 */
public final class VexApplier {
    private final VersionRanges ranges;

    VexApplier(VersionRanges ranges) {
        this.ranges = Objects.requireNonNull(ranges, "ranges");
    }

    /** An applier that evaluates vers ranges with Assay's version schemes. */
    public static VexApplier create() {
        return new VexApplier(VersionRanges.DEFAULT);
    }

    /** Applies {@code documents}, in the order given (a later document wins a tie), to {@code findings}. */
    public VexResult apply(List<Finding> findings, Sbom sbom, List<VexDocument> documents) {
        Map<String, List<Indexed>> statementsByName = new HashMap<>();
        int position = 0;
        for (VexDocument document : documents) {
            for (VexStatement statement : document.statements()) {
                Indexed indexed = new Indexed(statement, document.source(), position++);
                Set<String> keys = new LinkedHashSet<>();
                for (String name : statement.names()) {
                    keys.add(key(name));
                }
                for (String key : keys) {
                    statementsByName
                            .computeIfAbsent(key, ignored -> new ArrayList<>())
                            .add(indexed);
                }
            }
        }
        Component subject = sbom.metadata() == null ? null : sbom.metadata().subject();
        Map<Purl, Component> componentsByPurl = null;

        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        List<VexAnnotation> annotations = new ArrayList<>();
        for (Finding finding : findings) {
            Set<Indexed> candidates = new LinkedHashSet<>();
            for (String name : finding.vulnerability().names()) {
                candidates.addAll(statementsByName.getOrDefault(key(name), List.of()));
            }
            if (candidates.isEmpty()) {
                kept.add(finding);
                continue;
            }
            if (componentsByPurl == null) {
                componentsByPurl = sbom.componentsByPurl();
            }
            List<Component> context = context(finding, subject, componentsByPurl);
            Optional<Indexed> winner = candidates.stream()
                    .filter(candidate -> applies(candidate.statement(), finding.component(), context))
                    .max(LATEST);
            if (winner.isEmpty()) {
                kept.add(finding);
                continue;
            }
            VexStatement statement = winner.get().statement();
            if (statement.status().suppresses()) {
                suppressed.add(new SuppressedFinding(
                        finding,
                        statement.status(),
                        statement.justification(),
                        statement.statementText(),
                        statement.source().isEmpty() ? winner.get().document() : statement.source()));
            } else {
                kept.add(finding);
                annotations.add(
                        new VexAnnotation(finding, statement, winner.get().document()));
            }
        }
        return new VexResult(kept, suppressed, annotations);
    }

    private static final Comparator<Indexed> LATEST = Comparator.comparing(
                    (Indexed indexed) -> indexed.statement().madeAt().orElse(Instant.MIN))
            .thenComparingInt(Indexed::position);

    /** The finding's component, then the ones above it: its dependency path and the scanned thing. */
    private static List<Component> context(Finding finding, Component subject, Map<Purl, Component> byPurl) {
        List<Component> context = new ArrayList<>();
        context.add(finding.component());
        for (Purl purl : finding.dependencyPath()) {
            Component component = byPurl.get(purl);
            if (component != null
                    && !component.purl().equals(finding.component().purl())) {
                context.add(component);
            }
        }
        if (subject != null) {
            context.add(subject);
        }
        return context;
    }

    private boolean applies(VexStatement statement, Component component, List<Component> context) {
        for (VexProduct product : statement.products()) {
            if (product.subcomponents().isEmpty()) {
                for (Component candidate : context) {
                    if (matches(product, candidate)) {
                        return true;
                    }
                }
                continue;
            }
            boolean productMatches = false;
            for (Component candidate : context) {
                if (matches(product, candidate)) {
                    productMatches = true;
                    break;
                }
            }
            if (productMatches) {
                for (VexProduct subcomponent : product.subcomponents()) {
                    if (matches(subcomponent, component)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean matches(VexProduct product, Component component) {
        if (product.purl() == null || !purlMatches(product.purl(), component)) {
            return false;
        }
        if (!product.hasVersionConstraints()) {
            return true;
        }
        String version = version(component);
        if (version.isEmpty()) {
            return false;
        }
        if (product.versions().contains(version)) {
            return true;
        }
        for (String range : product.ranges()) {
            if (ranges.contains(range, version, component.purl()).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Same type, namespace and name; the pattern's version, when it has one, is the component's; the
     * pattern's qualifiers, when it has any, are the component's.
     */
    static boolean purlMatches(Purl pattern, Component component) {
        Purl candidate = component.purl();
        if (!pattern.type().equals(candidate.type())
                || !pattern.namespace().equals(candidate.namespace())
                || !pattern.name().equals(candidate.name())) {
            return false;
        }
        Optional<String> version = pattern.version();
        if (version.isPresent()
                && !version.get().equals(candidate.version().orElse(""))
                && !version.get().equals(component.version())) {
            return false;
        }
        Map<String, String> candidateQualifiers = candidate.qualifiers();
        for (Map.Entry<String, String> qualifier : pattern.qualifiers().entrySet()) {
            if (!qualifier.getValue().equals(candidateQualifiers.get(qualifier.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String version(Component component) {
        return component.version().isEmpty() ? component.purl().version().orElse("") : component.version();
    }

    private static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }

    private record Indexed(VexStatement statement, String document, int position) {}
}
