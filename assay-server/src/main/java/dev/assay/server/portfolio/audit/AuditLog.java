package dev.assay.server.portfolio.audit;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The audit log: one row per write, recorded in the same transaction as the write itself, so a write
 * without its row (or a row without its write) cannot exist.
 */
public final class AuditLog {
    public static final int MAX_PAGE = 1000;

    private final PortfolioDatabase database;

    public AuditLog(PortfolioDatabase database) {
        this.database = database;
    }

    /** Records a write inside the caller's transaction. Values are cut to their columns' sizes. */
    public static void record(
            Handle handle, OffsetDateTime at, String actor, String action, String subject, String detail) {
        handle.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, subject, detail)
                        VALUES (:at, :actor, :action, :subject, :detail)""")
                .bind("at", at)
                .bind("actor", cut(actor, 255))
                .bind("action", cut(action, 64))
                .bind("subject", cut(subject, 2048))
                .bind("detail", cut(detail, 4096))
                .execute();
    }

    /**
     * The newest entries first.
     *
     * @param beforeId only entries older than this id (the last id of the previous page), or 0 for the newest
     */
    public List<AuditEntry> page(long beforeId, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_PAGE));
        try {
            return database.jdbi()
                    .withHandle(handle -> handle.createQuery("""
                            SELECT id, at, actor, action, subject, detail FROM audit_log
                            WHERE (:before = 0 OR id < :before)
                            ORDER BY id DESC LIMIT :limit""")
                            .bind("before", beforeId)
                            .bind("limit", bounded)
                            .map((rs, ctx) -> new AuditEntry(
                                    rs.getLong("id"),
                                    rs.getObject("at", OffsetDateTime.class),
                                    rs.getString("actor"),
                                    rs.getString("action"),
                                    rs.getString("subject"),
                                    rs.getString("detail")))
                            .list());
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read the audit log: " + e.getMessage(), "audit_log", e);
        }
    }

    private static String cut(String value, int limit) {
        String text = value == null ? "" : value;
        return text.length() <= limit ? text : text.substring(0, limit);
    }
}
