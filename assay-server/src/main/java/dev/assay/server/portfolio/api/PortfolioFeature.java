package dev.assay.server.portfolio.api;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.model.NoVerdictException;
import dev.assay.server.ServerFeature;
import dev.assay.server.metrics.Metrics;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.findings.FindingQueries;
import dev.assay.server.portfolio.monitor.AdvisoryFreshness;
import dev.assay.server.portfolio.query.ImpactAnalysis;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SbomIngestion;
import dev.assay.server.portfolio.triage.Triage;
import dev.assay.server.portfolio.vex.VexExport;
import dev.assay.vulndb.AdvisoryStore;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The portfolio REST API under {@code /api/v1}, with {@code /openapi.json}: authentication and CORS in
 * front of every route, the core route groups (SBOM upload, projects, images, policy results, status,
 * audit), and any further groups given to the builder (findings, triage, impact, webhooks), all behind the
 * same checks.
 */
public final class PortfolioFeature implements ServerFeature {
    private final PortfolioDatabase database;
    private final ApiKeys keys;
    private final ApiLimits limits;
    private final Optional<String> corsOrigin;
    private final boolean publicMetrics;
    private final List<ApiRoutes> groups;
    private final boolean closeDatabase;
    private volatile List<ApiRoute> routes = List.of();

    private PortfolioFeature(Builder builder) {
        this.database = builder.database;
        this.keys = new ApiKeys(builder.database, builder.clock);
        this.limits = builder.limits;
        this.corsOrigin = builder.corsOrigin;
        this.publicMetrics = builder.publicMetrics;
        this.closeDatabase = builder.closeDatabase;
        Triage triage = new Triage(builder.database, builder.clock);
        FindingQueries findings = new FindingQueries(builder.database, triage);
        PortfolioReads reads = new PortfolioReads(builder.database, findings);
        Supplier<Object> advisoryStatus = builder.advisoryStatus != null
                ? builder.advisoryStatus
                : advisoryAge(
                        builder.advisories, new AdvisoryFreshness(AdvisoryFreshness.DEFAULT_LIMIT, builder.clock));
        List<ApiRoutes> all = new ArrayList<>();
        all.add(new SbomRoutes(
                new SbomIngestion(builder.database, builder.clock),
                new FindingMatching(builder.database, builder.clock),
                builder.advisories));
        all.add(new ProjectRoutes(reads));
        all.add(new ImageRoutes(builder.database, builder.clock));
        all.add(new PolicyResultRoutes(builder.database, reads, builder.clock));
        all.add(new WebhookRoutes(builder.database, builder.clock));
        all.add(new AdminRoutes(builder.database, builder.serverVersion, advisoryStatus));
        all.add(new FindingRoutes(findings, triage));
        all.add(new TriageRoutes(triage));
        all.add(new VexRoutes(new VexExport(builder.database, findings, builder.clock)));
        all.add(new ImpactRoutes(new ImpactAnalysis(builder.database), builder.database));
        all.add(new OverviewRoutes(builder.database, findings, advisoryStatus, builder.clock));
        all.addAll(builder.groups);
        this.groups = List.copyOf(all);
    }

    /** The advisory data's age as {@code advisories} in the status and overview: stale when there is none. */
    private static Supplier<Object> advisoryAge(Supplier<AdvisoryStore> advisories, AdvisoryFreshness freshness) {
        return () -> {
            if (advisories == null) {
                return ApiViews.AdvisoriesJson.of(freshness.missing());
            }
            try {
                return ApiViews.AdvisoriesJson.of(freshness.assess(AdvisoryDatabases.summary(advisories.get())));
            } catch (NoVerdictException e) {
                // The database cannot be opened: its age is unknown, which is what stale means here.
                return ApiViews.AdvisoriesJson.of(freshness.missing());
            }
        };
    }

    public static Builder builder(PortfolioDatabase database) {
        return new Builder(database);
    }

    @Override
    public String name() {
        return "portfolio";
    }

    @Override
    public void routing(HttpRouting.Builder routing, Metrics metrics) {
        AccessFilters filters = new AccessFilters(keys, corsOrigin, publicMetrics);
        // CORS first: a preflight carries no credentials and must be answered before authentication.
        routing.addFilter(filters::cors);
        routing.addFilter(filters::authenticate);
        ApiRouter router = new ApiRouter(routing, limits);
        for (ApiRoutes group : groups) {
            group.register(router);
        }
        routes = router.routes();
        OpenApiDocument openApi = OpenApiDocument.load();
        routing.get("/openapi.json", (request, response) -> openApi.send(response));
        // Inside /api/v1, unknown paths and methods get the API's error shape, not the server's fallback.
        routing.any(
                ApiRouter.PREFIX + "/*",
                (request, response) -> ApiErrors.send(
                        response,
                        Status.NOT_FOUND_404,
                        "no such endpoint: " + request.prologue().method().text() + " "
                                + request.path().path()));
    }

    /** The API endpoints registered (after {@link #routing}), for documentation checks. */
    public List<ApiRoute> routes() {
        return routes;
    }

    @Override
    public Optional<byte[]> transportErrorBody(String path, Status status, String message) {
        boolean api = path.equals(ApiRouter.PREFIX) || path.startsWith(ApiRouter.PREFIX + "/");
        return api ? Optional.of(ApiErrors.body(status, message)) : Optional.empty();
    }

    @Override
    public long maxRequestBytes() {
        // Above the API's own limits, so that the handlers (which check the declared length before reading)
        // answer in the API's error shape; the listener's limit only backs them up.
        return 2 * Math.max(limits.maxUploadBytes(), limits.maxJsonBytes());
    }

    @Override
    public void close() {
        if (closeDatabase) {
            database.close();
        }
    }

    public static final class Builder {
        private final PortfolioDatabase database;
        private Clock clock = Clock.systemUTC();
        private ApiLimits limits = ApiLimits.DEFAULT;
        private Optional<String> corsOrigin = Optional.empty();
        private boolean publicMetrics;
        private final List<ApiRoutes> groups = new ArrayList<>();
        private String serverVersion = "unknown";
        private Supplier<Object> advisoryStatus;
        private Supplier<AdvisoryStore> advisories;
        private boolean closeDatabase;

        private Builder(PortfolioDatabase database) {
            this.database = Objects.requireNonNull(database, "database");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder limits(ApiLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The one origin (scheme://host[:port]) browsers may call the API from; none by default. */
        public Builder corsOrigin(String origin) {
            this.corsOrigin = Optional.of(Objects.requireNonNull(origin, "origin"));
            return this;
        }

        /** Serves {@code /metrics} without a key, for a scraper that has none; off by default. */
        public Builder publicMetrics(boolean open) {
            this.publicMetrics = open;
            return this;
        }

        /** More endpoints under {@code /api/v1}, behind the same authentication and error handling. */
        public Builder routes(ApiRoutes group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        public Builder serverVersion(String version) {
            this.serverVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * The advisory data uploads are matched against, asked for on each upload (so a store that is
         * replaced by a newer generation is picked up). Without one, uploads store inventories only and
         * {@code advisories} in the status and overview reports no data (stale).
         */
        public Builder advisories(Supplier<AdvisoryStore> advisories) {
            this.advisories = Objects.requireNonNull(advisories, "advisories");
            return this;
        }

        /**
         * Overrides what {@code GET /status} and {@code GET /overview} report as {@code advisories}; by default
         * the age of {@link #advisories} judged by {@link AdvisoryFreshness#DEFAULT_LIMIT}.
         */
        public Builder advisoryStatus(Supplier<Object> status) {
            this.advisoryStatus = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Closes the database when the server stops (the server owns it). */
        public Builder closeDatabaseOnStop() {
            this.closeDatabase = true;
            return this;
        }

        public PortfolioFeature build() {
            return new PortfolioFeature(this);
        }
    }
}
