package dev.assay.match.internal;

import dev.assay.match.spi.Match;
import dev.assay.match.spi.MatchOutcome;
import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.Component;
import dev.assay.model.MatchEvidence;
import dev.assay.version.AffectedHit;
import dev.assay.version.AffectedStatus;
import dev.assay.version.AffectedVersions;
import dev.assay.version.InvalidVersionException;
import dev.assay.version.VersionScheme;
import dev.assay.version.VersionSchemes;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.PackageNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests one component against the advisory records of its OSV package.
 *
 * <p>A record matches when it is not withdrawn and one of its {@code affected[]} entries is for the queried
 * ecosystem and package (names compared after {@link PackageNames#normalize}), its release is in the query's
 * scope, and {@link AffectedVersions} finds the component's version in one of the entry's {@code SEMVER} or
 * {@code ECOSYSTEM} ranges or in its version list ({@code GIT} ranges are never used). One match per record,
 * with the evidence of the first entry that contained the version and the fixed versions above the
 * component's version of every entry that did.
 *
 * <p>The component's version must be one the ecosystem's scheme can read, or the component is not checked.
 * An entry the evaluation leaves undecided (a record whose own range events the scheme cannot read) does not
 * match; it is logged at debug level, because it is a defect of that record, not of the component.
 */
public final class OsvMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OsvMatcher.class);

    private final String matcherId;
    private final VersionScheme scheme;

    /**
     * @param scheme the ordering the component's version must be valid in; the ranges themselves are
     *     evaluated in the ordering of their own ecosystem and range type
     */
    public OsvMatcher(String matcherId, VersionScheme scheme) {
        this.matcherId = Objects.requireNonNull(matcherId, "matcherId");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    /**
     * A matcher with the version scheme of an OSV ecosystem.
     *
     * @throws IllegalArgumentException when assay-version knows no ordering for the ecosystem
     */
    public static OsvMatcher forEcosystem(String matcherId, String ecosystem) {
        VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem)
                .orElseThrow(() -> new IllegalArgumentException("no version scheme for OSV ecosystem " + ecosystem));
        return new OsvMatcher(matcherId, scheme);
    }

    public VersionScheme scheme() {
        return scheme;
    }

    public MatchOutcome evaluate(AdvisoryStore store, Component component, List<OsvQuery> queries) {
        for (OsvQuery query : queries) {
            if (query.version().isBlank()) {
                return MatchOutcome.notChecked(component.purl().name() + " has no version");
            }
            if (!scheme.isValid(query.version())) {
                return MatchOutcome.notChecked(
                        "version '" + shorten(query.version()) + "' is not a " + scheme.id() + " version");
            }
        }
        Map<String, Match> byRecord = new LinkedHashMap<>();
        for (OsvQuery query : queries) {
            String wanted = PackageNames.normalize(query.ecosystem(), query.packageName());
            for (Advisory advisory : store.advisories(query.ecosystem(), query.packageName())) {
                if (advisory.isWithdrawn() || byRecord.containsKey(advisory.id())) {
                    continue;
                }
                match(advisory, component, query, wanted).ifPresent(match -> byRecord.put(advisory.id(), match));
            }
        }
        return MatchOutcome.checked(List.copyOf(byRecord.values()), scheme);
    }

    private Optional<Match> match(Advisory advisory, Component component, OsvQuery query, String wantedName) {
        MatchEvidence evidence = null;
        TreeSet<String> fixed = new TreeSet<>(this::compareFixed);
        for (AffectedPackage entry : advisory.affected()) {
            if (!entry.ecosystemBase().equals(query.ecosystem())
                    || !query.release().test(entry.ecosystemRelease())
                    || !PackageNames.normalize(entry.ecosystem(), entry.name()).equals(wantedName)) {
                continue;
            }
            switch (AffectedVersions.evaluate(entry, query.version())) {
                case AffectedStatus.Affected affected -> {
                    AffectedHit hit = affected.details();
                    fixed.addAll(hit.fixedVersions());
                    if (evidence == null) {
                        evidence = new MatchEvidence(
                                matcherId,
                                advisory.id(),
                                entry.ecosystem(),
                                entry.name(),
                                hit.range(),
                                hit.scheme(),
                                advisory.source());
                    }
                }
                case AffectedStatus.Undecided undecided ->
                    LOG.debug(
                            "{}: {} for {} {} left undecided: {}",
                            matcherId,
                            advisory.id(),
                            entry.name(),
                            query.version(),
                            undecided.reasons());
                case AffectedStatus.NotAffected ignored -> {}
            }
        }
        if (evidence == null) {
            return Optional.empty();
        }
        return Optional.of(new Match(advisory, component, evidence, new ArrayList<>(fixed)));
    }

    /** Fixed versions come from decided ranges, so they are valid; a SEMVER range's may not be in this scheme. */
    private int compareFixed(String left, String right) {
        try {
            return scheme.compare(left, right);
        } catch (InvalidVersionException e) {
            return left.compareTo(right);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
