package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.findings.FindingQueries;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import io.helidon.http.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/** {@code GET /overview}: the dashboard's first page in one request. */
final class OverviewRoutes implements ApiRoutes {
    static final int KEV_LIMIT = 50;
    static final int TOP_LIMIT = 10;
    static final int HISTORY_DAYS = 30;

    private final PortfolioDatabase database;
    private final FindingQueries queries;
    private final Supplier<Object> advisories;
    private final Clock clock;

    OverviewRoutes(PortfolioDatabase database, FindingQueries queries, Supplier<Object> advisories, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.advisories = advisories;
        this.clock = clock;
    }

    @Override
    public void register(ApiRouter router) {
        router.get("/overview", Scope.READ, exchange -> {
            Map<String, Object> json = new LinkedHashMap<>(totals());
            FindingQueries.Overview overview = queries.overview(KEV_LIMIT, TOP_LIMIT);
            json.put("findings", ApiViews.counts(overview.findings()));
            json.put("kev", overview.kev());
            json.put("topComponents", overview.topComponents());
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            json.put(
                    "history",
                    queries.history(today.minusDays(HISTORY_DAYS - 1), today).stream()
                            .map(day -> {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("date", day.date().toString());
                                row.put("critical", day.critical());
                                row.put("high", day.high());
                                row.put("medium", day.medium());
                                row.put("low", day.low());
                                row.put("unknown", day.unknown());
                                return row;
                            })
                            .toList());
            json.put("advisories", advisories.get());
            exchange.respond(Status.OK_200, json);
        });
    }

    private Map<String, Object> totals() {
        try {
            return database.jdbi().withHandle(handle -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("projects", count(handle, "SELECT COUNT(*) FROM projects"));
                json.put("versions", count(handle, "SELECT COUNT(*) FROM project_versions"));
                json.put("components", count(handle, "SELECT COUNT(*) FROM components"));
                return json;
            });
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot count the portfolio: " + e.getMessage(), "overview", e);
        }
    }

    private static long count(org.jdbi.v3.core.Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(Long.class).one();
    }
}
