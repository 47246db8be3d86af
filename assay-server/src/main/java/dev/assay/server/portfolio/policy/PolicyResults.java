package dev.assay.server.portfolio.policy;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The policy results of project versions: per version and tool, the results of the latest report. A report
 * replaces its tool's previous results as a whole, so uploading the same report twice leaves the same rows,
 * and a fixed problem disappears with the next report instead of lingering.
 */
public final class PolicyResults {
    /** Most severe first, then by tool, rule and location: the order a reader triages in. */
    public static final Comparator<StoredPolicyResult> ORDER = Comparator.comparing(StoredPolicyResult::level)
            .thenComparing(StoredPolicyResult::tool)
            .thenComparing(StoredPolicyResult::rule)
            .thenComparing(result -> result.location() == null ? "" : result.location())
            .thenComparing(StoredPolicyResult::message);

    private static final int BATCH = 1000;

    private final PortfolioDatabase database;

    public PolicyResults(PortfolioDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Replaces the version's results of {@code tool} by {@code results}, in one transaction. */
    public void replace(long versionId, String tool, List<PolicyResult> results, OffsetDateTime at) {
        try {
            database.jdbi().useTransaction(handle -> replace(handle, versionId, tool, results, at));
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot store the policy results of " + tool + ": " + e.getMessage(), tool, e);
        }
    }

    /**
     * Replaces within the caller's transaction, so that an upload of several tools' results (and its audit
     * entry) is stored entirely or not at all.
     */
    public static void replace(
            Handle handle, long versionId, String tool, List<PolicyResult> results, OffsetDateTime at) {
        handle.createUpdate("DELETE FROM policy_results WHERE version_id = :version AND tool = :tool")
                .bind("version", versionId)
                .bind("tool", tool)
                .execute();
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO policy_results (version_id, tool, rule_id, level, message, location, uploaded_at)
                VALUES (:version, :tool, :rule, :level, :message, :location, :at)""");
        for (PolicyResult result : results) {
            batch.bind("version", versionId)
                    .bind("tool", tool)
                    .bind("rule", result.rule())
                    .bind("level", result.level().label())
                    .bind("message", result.message())
                    .bind("location", result.location())
                    .bind("at", at)
                    .add();
            if (batch.size() >= BATCH) {
                batch.execute();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** The version's results in {@link #ORDER}. */
    public List<StoredPolicyResult> list(long versionId) {
        try {
            return database.jdbi()
                    .withHandle(handle -> handle
                            .createQuery("""
                            SELECT tool, rule_id, level, message, location, uploaded_at
                            FROM policy_results WHERE version_id = :version""")
                            .bind("version", versionId)
                            .map((rs, ctx) -> new StoredPolicyResult(
                                    rs.getString("tool"),
                                    rs.getString("rule_id"),
                                    level(rs.getString("level")),
                                    rs.getString("message"),
                                    rs.getString("location"),
                                    rs.getObject("uploaded_at", OffsetDateTime.class)))
                            .list()
                            .stream()
                            // Sorted here, not in SQL: H2 and PostgreSQL collate text differently.
                            .sorted(ORDER)
                            .toList());
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read policy results: " + e.getMessage(), "policy_results", e);
        }
    }

    /** How many of the version's results have each level. */
    public LevelCounts counts(long versionId) {
        try {
            return database.jdbi().withHandle(handle -> {
                LevelCounts[] counts = {LevelCounts.NONE};
                handle.createQuery("""
                                SELECT level, COUNT(*) AS n FROM policy_results
                                WHERE version_id = :version GROUP BY level""")
                        .bind("version", versionId)
                        .map((rs, ctx) -> {
                            counts[0] = counts[0].plus(level(rs.getString("level")), rs.getLong("n"));
                            return 0;
                        })
                        .list();
                return counts[0];
            });
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot count policy results: " + e.getMessage(), "policy_results", e);
        }
    }

    private static ResultLevel level(String label) {
        // The column's CHECK constraint admits only the four labels.
        return ResultLevel.parse(label).orElseThrow(() -> new IllegalStateException("stored level " + label));
    }
}
