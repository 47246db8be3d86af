package dev.assay.server.portfolio.monitor;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.server.portfolio.findings.AdvisoryChanges;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.findings.MatchSummary;
import dev.assay.server.portfolio.findings.NewFinding;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import dev.assay.vulndb.AdvisoryListing;
import dev.assay.vulndb.AdvisoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the portfolio's findings up to date with the current advisory store: diffs it against the index
 * the portfolio was last matched against ({@link AdvisoryIndex}), re-matches only the components of the
 * packages that changed, and raises {@code finding.new} for each new finding in the transaction that stores
 * it; the stored index moves forward only after every changed package was re-matched.
 *
 * <p>The first time, there is nothing to diff against: the index is recorded as the baseline and nobody is
 * notified, since the findings stored so far were matched at upload against data at least that old.
 */
public final class PortfolioReanalyzer implements ReanalysisHandler.Reanalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(PortfolioReanalyzer.class);
    private static final Duration RETRY = Duration.ofSeconds(30);

    /** What one pass did. */
    public enum Outcome {
        BASELINE,
        UNCHANGED,
        REANALYZED
    }

    /**
     * @param changes empty for a baseline or an unchanged store
     * @param matched empty unless {@link Outcome#REANALYZED}
     */
    public record Result(
            Outcome outcome, String generation, Optional<AdvisoryChanges> changes, Optional<MatchSummary> matched) {}

    private final PortfolioDatabase database;
    private final Supplier<? extends AdvisoryStore> stores;
    private final FindingMatching matching;
    private final Clock clock;

    public PortfolioReanalyzer(
            PortfolioDatabase database,
            Supplier<? extends AdvisoryStore> stores,
            FindingMatching matching,
            Clock clock) {
        this.database = database;
        this.stores = stores;
        this.matching = matching;
        this.clock = clock;
    }

    @Override
    public void reanalyze(ReanalyzeAdvisories change) throws Exception {
        AdvisoryStore store = stores.get();
        AdvisoryGeneration current = AdvisoryGeneration.of(AdvisoryDatabases.summary(store));
        if (current.updatedAt().isBefore(change.updatedAt())) {
            // Instances with their own copies of the database update at different times.
            throw new RetryLaterException(
                    "this instance's advisory database is older than generation " + change.generation(), RETRY);
        }
        Result result = synchronize(store);
        if (result.outcome() == Outcome.REANALYZED) {
            AdvisoryChanges changes = result.changes().orElseThrow();
            MatchSummary matched = result.matched().orElseThrow();
            LOG.info(
                    "re-analysis to {}: {} added, {} changed, {} removed advisories; {} components re-matched, {} new"
                            + " and {} resolved findings",
                    result.generation(),
                    changes.added().size(),
                    changes.changed().size(),
                    changes.removed().size(),
                    matched.componentsMatched(),
                    matched.newFindings().size(),
                    matched.resolvedFindings());
        }
    }

    /** Records the baseline index from the current store when none is recorded yet; nobody is notified. */
    public Result recordBaseline() throws PermanentJobFailureException {
        AdvisoryStore store = stores.get();
        AdvisoryListing listing = listing(store);
        String generation =
                AdvisoryGeneration.of(AdvisoryDatabases.summary(store)).id();
        boolean recorded = inTransaction("record the advisory index", handle -> {
            if (AdvisoryIndex.generation(handle, true).isPresent()) {
                return false;
            }
            AdvisoryIndex.write(
                    handle,
                    listing,
                    Set.of(),
                    listing.modifiedById().keySet(),
                    generation,
                    WorkQueue.utc(clock.instant()));
            return true;
        });
        return new Result(
                recorded ? Outcome.BASELINE : Outcome.UNCHANGED, generation, Optional.empty(), Optional.empty());
    }

    /**
     * Diffs {@code store} against the stored index and re-matches what changed.
     *
     * @throws RetryLaterException when another instance moved the index meanwhile (the retry diffs again)
     */
    public Result synchronize(AdvisoryStore store) throws RetryLaterException, PermanentJobFailureException {
        AdvisoryListing listing = listing(store);
        String generation =
                AdvisoryGeneration.of(AdvisoryDatabases.summary(store)).id();
        record Before(Optional<String> generation, AdvisoryChanges changes) {}
        Before before = inTransaction("read the advisory index", handle -> {
            Optional<String> recorded = AdvisoryIndex.generation(handle, false);
            return new Before(
                    recorded, recorded.isEmpty() ? null : AdvisoryChanges.between(AdvisoryIndex.read(handle), listing));
        });
        if (before.generation().isEmpty()) {
            return recordBaseline();
        }
        AdvisoryChanges changes = before.changes();
        if (changes.isEmpty() && before.generation().get().equals(generation)) {
            return new Result(Outcome.UNCHANGED, generation, Optional.of(changes), Optional.empty());
        }
        // Idempotent: a retry after a crash re-matches the same components and changes nothing stored.
        // finding.new is raised in each version's re-match transaction: once the findings are stored they
        // are no longer new, so a crash after that commit must not have lost their notifications.
        MatchSummary matched = matching.rematch(store, changes.packages(), (handle, fresh) -> {
            for (NewFinding finding : fresh) {
                Notifications.enqueue(
                        handle,
                        new Event.FindingNew(
                                finding.project(),
                                finding.version(),
                                finding.vulnerability(),
                                finding.severity(),
                                finding.purl(),
                                finding.kev()),
                        clock);
            }
        });
        Set<String> upserted = new TreeSet<>(changes.added());
        upserted.addAll(changes.changed());
        boolean moved = inTransaction("record the advisory index", handle -> {
            if (!AdvisoryIndex.generation(handle, true).equals(before.generation())) {
                return false;
            }
            AdvisoryIndex.write(
                    handle, listing, changes.removed(), upserted, generation, WorkQueue.utc(clock.instant()));
            return true;
        });
        if (!moved) {
            throw new RetryLaterException("another instance updated the advisory index meanwhile", Duration.ZERO);
        }
        matching.refreshExploitation(store);
        return new Result(Outcome.REANALYZED, generation, Optional.of(changes), Optional.of(matched));
    }

    private static AdvisoryListing listing(AdvisoryStore store) throws PermanentJobFailureException {
        if (store instanceof AdvisoryListing listing) {
            return listing;
        }
        throw new PermanentJobFailureException("the advisory store "
                + store.info().location() + " cannot list its advisories, so changes cannot be found");
    }

    private <T> T inTransaction(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return database.jdbi().inTransaction(work);
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException("cannot " + what + ": " + e.getMessage(), what, e);
        }
    }
}
