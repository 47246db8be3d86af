package dev.assay.server.portfolio.monitor;

import dev.assay.engine.AdvisoryDatabases;
import dev.assay.server.ServerFeature;
import dev.assay.server.metrics.Metrics;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.vulndb.AdvisoryStore;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous monitoring of one server instance: the worker that sends webhooks and runs re-analyses, the
 * watch that notices a new advisory generation, and hourly {@link Housekeeping}. {@link #start} wires and starts both; {@link #close}
 * stops the watch first (no new jobs from here) and then lets the worker finish or hand back its jobs.
 *
 * <p>It is a {@link ServerFeature} without routes only so that the server stops it with its other
 * features: register it before the portfolio feature, which may close the database it uses.
 */
public final class PortfolioMonitoring implements ServerFeature, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortfolioMonitoring.class);

    /**
     * @param watchInterval how often the advisory database is checked for a new generation
     */
    public record Settings(WorkerSettings worker, WebhookSettings webhooks, Duration watchInterval) {
        public Settings {
            Objects.requireNonNull(worker, "worker");
            Objects.requireNonNull(webhooks, "webhooks");
            if (watchInterval.isNegative() || watchInterval.isZero()) {
                throw new IllegalArgumentException("the advisory watch interval must be positive");
            }
        }

        public static Settings defaults(String instanceName) {
            return new Settings(
                    WorkerSettings.defaults(instanceName), WebhookSettings.defaults(), Duration.ofMinutes(1));
        }
    }

    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);

    private final Worker worker;
    private final AutoCloseable watch;
    private final AutoCloseable housekeeping;

    private PortfolioMonitoring(Worker worker, AutoCloseable watch, AutoCloseable housekeeping) {
        this.worker = worker;
        this.watch = watch;
        this.housekeeping = housekeeping;
    }

    /**
     * @param stores the current advisory store, reopened when a new generation is committed (see
     *     {@code dev.assay.engine.ReopeningAdvisoryDatabase}); it must also be an advisory listing
     */
    public static PortfolioMonitoring start(
            PortfolioDatabase database, Supplier<? extends AdvisoryStore> stores, Settings settings, Clock clock) {
        PortfolioReanalyzer reanalyzer =
                new PortfolioReanalyzer(database, stores, new FindingMatching(database, clock), clock);
        try {
            reanalyzer.recordBaseline();
        } catch (PermanentJobFailureException | RuntimeException e) {
            // Not fatal: the first re-analysis job records it instead.
            LOG.warn("cannot record the advisory index baseline: {}", e.getMessage());
        }
        JobHandlers handlers = new JobHandlers()
                .register(new WebhookDeliveryHandler(database, settings.webhooks(), clock))
                .register(new ReanalysisHandler(reanalyzer));
        Worker worker = new Worker(new WorkQueue(database, clock), handlers, settings.worker()).start();
        AutoCloseable watch;
        try {
            watch = new AdvisoryChangeDetector(database, clock)
                    .watch(() -> AdvisoryDatabases.summary(stores.get()), settings.watchInterval());
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        AutoCloseable housekeeping =
                new Housekeeping(database, Housekeeping.Retention.DEFAULT, clock).every(HOUSEKEEPING_INTERVAL);
        return new PortfolioMonitoring(worker, watch, housekeeping);
    }

    @Override
    public String name() {
        return "monitoring";
    }

    @Override
    public void routing(HttpRouting.Builder routing, Metrics metrics) {}

    /** No routes, so no bodies: the listener's limit is the other features'. */
    @Override
    public long maxRequestBytes() {
        return 0;
    }

    public Worker worker() {
        return worker;
    }

    @Override
    public void close() {
        try {
            stop(housekeeping, "housekeeping");
            stop(watch, "the advisory watch");
        } finally {
            worker.close();
        }
    }

    private static void stop(AutoCloseable loop, String what) {
        try {
            loop.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("cannot stop {}: {}", what, e.getMessage());
        }
    }
}
