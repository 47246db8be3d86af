package dev.assay.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay server}: the portfolio server (REST API under /api/v1), and the Kubernetes admission webhook
 * when policies are given. The server's classes (and Helidon's) are only loaded by {@link ServerLauncher}
 * and {@link ServerKeysLauncher}, when these commands run, so that other commands start as fast as before.
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the portfolio REST API (/api/v1, /openapi.json; API keys from 'assay server keys'), GET /healthz, "
                    + "/readyz and /metrics; with --pss or --policy also the Kubernetes admission webhook: POST "
                    + "/admission/validate and /admission/mutate (AdmissionReview admission.k8s.io/v1).",
            "Without --tls-cert/--tls-key or --insecure-http, serves plain HTTP on 127.0.0.1 only.",
            "Runs until SIGTERM or SIGINT, then finishes the requests in flight."
        },
        subcommands = {ServerReviewCommand.class, ServerKeysCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay server --port 8080                       portfolio API on http://127.0.0.1:8080",
            "  assay server --tls-cert tls.crt --tls-key tls.key --db-url jdbc:postgresql://db/assay",
            "  assay server --tls-cert tls.crt --tls-key tls.key --pss restricted",
            "  assay server --insecure-http --port 8080 --pss baseline --policy policies/",
            "  assay server review --pss restricted review.json   (offline, same decision)"
        })
final class ServerCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Mixin
    AdmissionPolicyOptions policies;

    @Mixin
    PortfolioStorageOptions storage;

    @Option(
            names = "--cors-origin",
            paramLabel = "ORIGIN",
            description = "The one origin (https://dash.example.com) whose web pages may call the API; "
                    + "cross-origin requests are refused by default.")
    String corsOrigin;

    @Option(
            names = "--public-metrics",
            description = "Serve /metrics without an API key, for a Prometheus that has none (the metrics are "
                    + "counts and latencies, no portfolio content). By default /metrics needs a read key.")
    boolean publicMetrics;

    @Option(
            names = "--max-upload-bytes",
            paramLabel = "N",
            defaultValue = "67108864",
            description = "Largest SBOM upload, compressed or not (default: ${DEFAULT-VALUE}, 64 MiB).")
    long maxUploadBytes;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8443",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            description = "Address to listen on (default: 0.0.0.0 with TLS or --insecure-http, else 127.0.0.1; "
                    + ":: for IPv6).")
    String bind;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "PEM certificate chain, serving certificate first.")
    Path tlsCertificate;

    @Option(
            names = "--tls-key",
            paramLabel = "FILE",
            description = "PEM private key (PKCS#8, PKCS#1 or SEC1; not encrypted).")
    Path tlsKey;

    @Option(
            names = "--tls-reload-interval",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description =
                    "How often the certificate and key files are checked for changes (default: ${DEFAULT-VALUE}).")
    String tlsReloadInterval;

    @Option(
            names = "--insecure-http",
            description = "Serve plain HTTP instead of HTTPS (tests, benchmarks, or behind a TLS-terminating proxy; "
                    + "the API server calls webhooks over HTTPS only).")
    boolean insecureHttp;

    @Option(
            names = "--max-request-bytes",
            paramLabel = "N",
            defaultValue = "3145728",
            description = "Largest AdmissionReview accepted; larger ones get 413 (default: ${DEFAULT-VALUE}, 3 MiB, "
                    + "the API server's own limit).")
    long maxRequestBytes;

    @Option(
            names = "--shutdown-delay",
            paramLabel = "DURATION",
            defaultValue = "0s",
            description = "On SIGTERM, report not ready but keep serving this long before stopping, so that the "
                    + "API server stops sending requests first (default: ${DEFAULT-VALUE}; 5s in Kubernetes).")
    String shutdownDelay;

    @Option(
            names = "--max-db-age",
            paramLabel = "AGE",
            defaultValue = "7d",
            description = "Advisory data older than AGE is reported stale, and versions without findings read as "
                    + "UNKNOWN_STALE_ADVISORIES (7d, 36h, P2D; default: ${DEFAULT-VALUE}).")
    String maxDbAge;

    @Option(
            names = "--monitor-interval",
            paramLabel = "DURATION",
            defaultValue = "1m",
            description = "How often the advisory database is checked for a new generation, which re-analyses the "
                    + "portfolio (default: ${DEFAULT-VALUE}).")
    String monitorInterval;

    @Override
    public Integer call() throws Exception {
        return ServerLauncher.run(this);
    }

    Terminal terminal() {
        return parent.terminal();
    }

    GlobalOptions globalOptions() {
        return parent.globalOptions;
    }
}
