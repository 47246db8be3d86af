package dev.assay.cli;

import dev.assay.engine.admission.AdmissionController;
import dev.assay.engine.admission.AdmissionPlugins;
import dev.assay.server.AssayServer;
import dev.assay.server.admission.AdmissionFeature;
import dev.assay.server.admission.DecisionLog;
import dev.assay.server.metrics.CacheMetrics;
import dev.assay.server.tls.ServerTls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
        // SIGTERM (Kubernetes stopping the pod) and SIGINT run the shutdown hooks: report not ready, keep
        // serving for the delay so the API server stops sending requests here, then finish those in flight.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.drain();
                                if (!shutdownDelay.isZero()) {
                                    LOG.info(
                                            "stopping in {} s; reporting not ready meanwhile",
                                            shutdownDelay.toMillis() / 1000.0);
                                    Thread.sleep(shutdownDelay.toMillis());
                                }
                                server.stop();
                                LOG.info("stopped");
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "assay-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** Validates the flags, loads the policies and TLS material, and starts listening. */
    static AssayServer start(ServerCommand command) {
        GlobalOptions options = command.globalOptions();
        Logging.configureServer(options);
        boolean tlsGiven = command.tlsCertificate != null || command.tlsKey != null;
        if (command.insecureHttp && tlsGiven) {
            throw new UsageException("give either --tls-cert and --tls-key, or --insecure-http, not both");
        }
        if (!command.insecureHttp && (command.tlsCertificate == null || command.tlsKey == null)) {
            throw new UsageException(
                    "the webhook serves HTTPS: give --tls-cert FILE and --tls-key FILE (or --insecure-http for tests)");
        }
        Duration reloadInterval = Durations.parse(command.tlsReloadInterval, "--tls-reload-interval");
        AdmissionPlugins plugins = AdmissionSetup.plugins(command.policies);
        AdmissionController controller = AdmissionSetup.controller(command.policies, plugins);
        AssayServer.Builder builder = AssayServer.builder()
                .bind(command.bind)
                .port(command.port)
                .feature(new AdmissionFeature(controller, command.maxRequestBytes, List.of(new DecisionLog())))
                .metricsSource(new CacheMetrics(plugins.caches()));
        if (command.insecureHttp) {
            builder.insecureHttp();
        } else {
            builder.tls(ServerTls.fromPemFiles(command.tlsCertificate, command.tlsKey, reloadInterval));
        }
        AssayServer server = builder.build().start();
        LOG.info("admission: {}", AdmissionSetup.describe(controller));
        return server;
    }
}
