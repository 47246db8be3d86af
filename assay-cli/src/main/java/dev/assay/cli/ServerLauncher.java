package dev.assay.cli;

import dev.assay.engine.AssayVersion;
import dev.assay.engine.ReopeningAdvisoryDatabase;
import dev.assay.engine.admission.AdmissionController;
import dev.assay.engine.admission.AdmissionPlugins;
import dev.assay.server.AssayServer;
import dev.assay.server.admission.AdmissionFeature;
import dev.assay.server.admission.DecisionLog;
import dev.assay.server.dashboard.DashboardFeature;
import dev.assay.server.metrics.CacheMetrics;
import dev.assay.server.portfolio.api.ApiLimits;
import dev.assay.server.portfolio.api.PortfolioFeature;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.InitialAdminKey;
import dev.assay.server.portfolio.monitor.AdvisoryFreshness;
import dev.assay.server.portfolio.monitor.PortfolioMonitoring;
import dev.assay.server.portfolio.monitor.WebhookSettings;
import dev.assay.server.portfolio.monitor.WorkerSettings;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.tls.ServerTls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@code assay server} from its flags and runs it until the JVM is asked to stop. The only class of
 * the CLI that names the server's classes, so that they load only when the server runs.
 */
final class ServerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

    private ServerLauncher() {}

    static int run(ServerCommand command) throws InterruptedException {
        Duration shutdownDelay = Durations.parse(command.shutdownDelay, "--shutdown-delay");
        AssayServer server = start(command);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        // SIGTERM (Kubernetes stopping the pod) and SIGINT: report not ready, keep serving for the delay so
        // the API server stops sending requests here, then finish those in flight.
        Runnable gracefulStop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            try {
                server.drain();
                if (!shutdownDelay.isZero()) {
                    LOG.info("stopping in {} s; reporting not ready meanwhile", shutdownDelay.toMillis() / 1000.0);
                    Thread.sleep(shutdownDelay.toMillis());
                }
                server.stop();
                LOG.info("stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        };
        // Handled here rather than by the JVM's default, so that a graceful stop exits 0 (the default ends
        // in 143, which service managers count as a failure); the shutdown hook covers every other exit.
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(
                        new sun.misc.Signal(name),
                        signal -> Thread.ofPlatform().name("assay-shutdown").start(gracefulStop));
            } catch (IllegalArgumentException unavailable) {
                LOG.debug("cannot handle SIG{} here; the shutdown hook stops the server", name);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gracefulStop, "assay-shutdown-hook"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** Validates the flags, loads the policies and TLS material, opens the portfolio, and starts listening. */
    static AssayServer start(ServerCommand command) {
        GlobalOptions options = command.globalOptions();
        Logging.configureServer(options);
        boolean tlsGiven = command.tlsCertificate != null || command.tlsKey != null;
        if (command.insecureHttp && tlsGiven) {
            throw new UsageException("give either --tls-cert and --tls-key, or --insecure-http, not both");
        }
        if (tlsGiven && (command.tlsCertificate == null || command.tlsKey == null)) {
            throw new UsageException("give both --tls-cert FILE and --tls-key FILE");
        }
        // Neither TLS nor --insecure-http: plain HTTP, but only where no one else can listen in.
        boolean loopbackOnly = !tlsGiven && !command.insecureHttp;
        String bind = command.bind != null ? command.bind : loopbackOnly ? "127.0.0.1" : "0.0.0.0";
        if (loopbackOnly && !isLoopback(bind)) {
            throw new UsageException(
                    "plain HTTP on " + bind + " would expose API keys and SBOMs to the network: give "
                            + "--tls-cert FILE and --tls-key FILE, or --insecure-http (tests, or behind a TLS-terminating proxy)");
        }
        if (command.maxUploadBytes < 1024) {
            throw new UsageException("--max-upload-bytes must be at least 1024");
        }
        Duration reloadInterval = Durations.parse(command.tlsReloadInterval, "--tls-reload-interval");
        AssayServer.Builder builder = AssayServer.builder().bind(bind).port(command.port);
        AdmissionController controller = null;
        if (admissionConfigured(command.policies)) {
            AdmissionPlugins plugins = AdmissionSetup.plugins(command.policies);
            controller = AdmissionSetup.controller(command.policies, plugins);
            builder.feature(new AdmissionFeature(controller, command.maxRequestBytes, List.of(new DecisionLog())))
                    .metricsSource(new CacheMetrics(plugins.caches()));
        } else if (command.policies.pssEnforceWorkloads || !"latest".equals(command.policies.pssVersion)) {
            throw new UsageException("--pss-version and --pss-enforce-workloads need --pss LEVEL");
        }
        ServerTls tls = command.insecureHttp || loopbackOnly
                ? null
                : ServerTls.fromPemFiles(command.tlsCertificate, command.tlsKey, reloadInterval);
        Duration monitorInterval = Durations.parse(command.monitorInterval, "--monitor-interval");
        AdvisoryFreshness freshness =
                new AdvisoryFreshness(AdvisoryFreshness.parseLimit(command.maxDbAge), Clock.systemUTC());
        PortfolioDatabase database = PortfolioStorage.open(command.storage, System.getenv());
        AssayServer server;
        PortfolioMonitoring monitoring = null;
        try {
            Path dataDir = command.storage.dataDir(System.getenv());
            InitialAdminKey.ensure(new ApiKeys(database, Clock.systemUTC()), dataDir)
                    .ifPresent(file -> {
                        if (command.storage.jdbcUrl(System.getenv()).isPresent()) {
                            // The server logs the path too; on a shared database the operator may not know
                            // which data directory this instance uses.
                            command.terminal()
                                    .err()
                                    .println("assay: the initial admin API key is in " + file
                                            + " (readable only by its owner)");
                        }
                    });
            // The database `assay scan --db` reads; reopened when `assay db update` commits a new generation.
            ReopeningAdvisoryDatabase advisories = new ReopeningAdvisoryDatabase(
                    command.policies.database.resolve(), command.policies.database.isDefaultLocation());
            PortfolioStartup.mendUnfinishedWrites(database, advisories);
            PortfolioFeature.Builder portfolio = PortfolioFeature.builder(database)
                    .limits(new ApiLimits(command.maxUploadBytes, ApiLimits.DEFAULT.maxJsonBytes()))
                    .serverVersion(AssayVersion.current())
                    .advisories(advisories)
                    .publicMetrics(command.publicMetrics)
                    .closeDatabaseOnStop();
            if (command.corsOrigin != null) {
                portfolio.corsOrigin(requireOrigin(command.corsOrigin));
            }
            portfolio.advisoryStatus(() -> MonitoringSetup.status(advisories, freshness));
            monitoring = PortfolioMonitoring.start(
                    database,
                    advisories,
                    new PortfolioMonitoring.Settings(
                            WorkerSettings.defaults(MonitoringSetup.instanceName()),
                            WebhookSettings.defaults(),
                            monitorInterval),
                    Clock.systemUTC());
            // Before the portfolio feature: the server closes features in order, and that one closes the database.
            builder.feature(monitoring);
            builder.feature(portfolio.build()).feature(new DashboardFeature());
            if (tls != null) {
                builder.tls(tls);
            } else {
                builder.insecureHttp();
            }
            server = builder.build().start();
        } catch (RuntimeException e) {
            if (monitoring != null) {
                monitoring.close();
            }
            database.close();
            throw e;
        }
        if (loopbackOnly) {
            LOG.info("no TLS configured: serving plain HTTP on loopback only ({})", server.url());
        }
        LOG.info(
                "portfolio: {} database{}",
                database.dialect().name().toLowerCase(java.util.Locale.ROOT),
                command.storage.jdbcUrl(System.getenv()).isPresent()
                        ? ""
                        : " under " + command.storage.dataDir(System.getenv()));
        if (controller != null) {
            LOG.info("admission: {}", AdmissionSetup.describe(controller));
        }
        return server;
    }

    private static boolean admissionConfigured(AdmissionPolicyOptions policies) {
        return policies.pss != null || !policies.policies.isEmpty();
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UsageException("cannot resolve --bind " + address);
        }
    }

    /** {@code https://dash.example.com[:port]}: what browsers send in the Origin header, nothing more. */
    static String requireOrigin(String origin) {
        if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?")) {
            throw new UsageException("--cors-origin takes an origin such as https://dash.example.com (scheme, host and "
                    + "optional port; no path), not '" + origin + "'");
        }
        return origin;
    }
}
