package dev.assay.match.spi;

import dev.assay.model.Component;
import dev.assay.model.PackageType;
import dev.assay.vulndb.AdvisoryStore;
import java.util.List;
import java.util.Set;

/**
 * Finds the advisory records that affect one component. One matcher per package ecosystem, e.g.
 * {@code maven-matcher}: it knows how the ecosystem's purls map to OSV package names and which version
 * ordering applies. A matcher is a pure function of the store and the component: no I/O of its own.
 */
public interface Matcher {
    /** Stable kebab-case id, shown in match evidence. */
    String id();

    /** The purl types this matcher handles. */
    Set<PackageType> packageTypes();

    /**
     * One {@link Match} per advisory record whose affected ranges contain the component's version.
     * Withdrawn records and {@code GIT} ranges never match. A component whose version this ecosystem cannot
     * order yields no matches (and is reported by the caller as not checked), never a guess.
     */
    List<Match> match(AdvisoryStore store, Component component);

    /**
     * The matches, or why the component could not be checked. Callers that report unchecked components use
     * this; {@link #match} is its list of matches. The default, for matchers that cannot tell, reports every
     * component as checked.
     */
    default MatchOutcome evaluate(AdvisoryStore store, Component component) {
        return MatchOutcome.checked(match(store, component), null);
    }

    /**
     * The OSV ecosystems (without release suffix, e.g. {@code Debian}) in which this component's advisories
     * are looked up; empty when the matcher cannot place the component. Lets callers tell a clean result from
     * a lookup in an ecosystem the database does not hold.
     */
    default Set<String> advisoryEcosystems(Component component) {
        return Set.of();
    }
}
