package dev.assay.match.internal;

import dev.assay.match.spi.Match;
import dev.assay.match.spi.MatchOutcome;
import dev.assay.match.spi.Matcher;
import dev.assay.model.Component;
import dev.assay.model.PackageType;
import dev.assay.vulndb.AdvisoryStore;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of every ecosystem matcher: recognise the purl type, turn the component into OSV lookups
 * ({@link #identify}), and let {@link OsvMatcher} evaluate the candidate records. Subclasses only say how
 * their ecosystem names packages.
 */
public abstract class OsvEcosystemMatcher implements Matcher {
    private final String id;
    private final PackageType packageType;
    private final OsvMatcher osv;

    protected OsvEcosystemMatcher(String id, PackageType packageType, OsvMatcher osv) {
        this.id = Objects.requireNonNull(id, "id");
        this.packageType = Objects.requireNonNull(packageType, "packageType");
        this.osv = Objects.requireNonNull(osv, "osv");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<PackageType> packageTypes() {
        return Set.of(packageType);
    }

    @Override
    public final List<Match> match(AdvisoryStore store, Component component) {
        return evaluate(store, component).matches();
    }

    @Override
    public final MatchOutcome evaluate(AdvisoryStore store, Component component) {
        if (!component.purl().type().equals(packageType.purlType())) {
            return MatchOutcome.notChecked(
                    id + " does not handle purl type " + component.purl().type());
        }
        return switch (identify(component)) {
            case Identification.Unidentified unidentified -> MatchOutcome.notChecked(unidentified.reason());
            case Identification.Identified identified -> osv.evaluate(store, component, identified.queries());
        };
    }

    @Override
    public final Set<String> advisoryEcosystems(Component component) {
        if (!component.purl().type().equals(packageType.purlType())
                || !(identify(component) instanceof Identification.Identified identified)) {
            return Set.of();
        }
        Set<String> ecosystems = new java.util.TreeSet<>();
        identified.queries().forEach(query -> ecosystems.add(query.ecosystem()));
        return ecosystems;
    }

    /** The OSV packages this component is, given that its purl type is this matcher's. */
    protected abstract Identification identify(Component component);

    /** The component's version, else its purl's; empty when it has none. */
    protected static String version(Component component) {
        return component.version().isEmpty() ? component.purl().version().orElse("") : component.version();
    }
}
