package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.audit.AuditEntry;
import dev.assay.server.portfolio.audit.AuditLog;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import io.helidon.http.Status;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The server's own state: {@code GET /status} and the audit log. */
final class AdminRoutes implements ApiRoutes {
    private final PortfolioDatabase database;
    private final AuditLog audit;
    private final String serverVersion;
    private final Supplier<Object> advisories;

    AdminRoutes(PortfolioDatabase database, String serverVersion, Supplier<Object> advisories) {
        this.database = database;
        this.audit = new AuditLog(database);
        this.serverVersion = serverVersion;
        this.advisories = advisories;
    }

    record ServerStatus(String version, Map<String, String> database, Object advisories) {}

    record AuditView(long id, String at, String actor, String action, String subject, String detail) {
        static AuditView of(AuditEntry entry) {
            return new AuditView(
                    entry.id(),
                    PortfolioReads.iso(entry.at()),
                    entry.actor(),
                    entry.action(),
                    entry.subject(),
                    entry.detail());
        }
    }

    @Override
    public void register(ApiRouter router) {
        router.get(
                "/status",
                Scope.READ,
                exchange -> exchange.respond(
                        Status.OK_200,
                        new ServerStatus(
                                serverVersion,
                                Map.of("dialect", database.dialect().name().toLowerCase(java.util.Locale.ROOT)),
                                advisories.get())));
        router.get("/audit", Scope.ADMIN, exchange -> {
            int limit = exchange.queryInt("limit", 100, 1, AuditLog.MAX_PAGE);
            int before = exchange.queryInt("before", 0, 0, Integer.MAX_VALUE);
            List<AuditView> entries =
                    audit.page(before, limit).stream().map(AuditView::of).toList();
            exchange.respond(Status.OK_200, Map.of("entries", entries));
        });
    }
}
