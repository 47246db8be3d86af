package dev.assay.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay server}: the Kubernetes admission webhook. The server's classes (and Helidon's) are only
 * loaded by {@link ServerLauncher}, when this command runs, so that other commands start as fast as before.
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the Kubernetes admission webhook: POST /admission/validate and /admission/mutate "
                    + "(AdmissionReview admission.k8s.io/v1), GET /healthz, /readyz and /metrics.",
            "Runs until SIGTERM or SIGINT, then finishes the requests in flight."
        },
        subcommands = {ServerReviewCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay server --tls-cert tls.crt --tls-key tls.key --pss restricted",
            "  assay server --insecure-http --port 8080 --pss baseline --policy policies/",
            "  assay server review --pss restricted review.json   (offline, same decision)"
        })
final class ServerCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Mixin
    AdmissionPolicyOptions policies;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8443",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; :: for IPv6).")
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
            description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}, 3 MiB, "
                    + "the API server's own limit).")
    long maxRequestBytes;

    @Option(
            names = "--shutdown-delay",
            paramLabel = "DURATION",
            defaultValue = "0s",
            description = "On SIGTERM, report not ready but keep serving this long before stopping, so that the "
                    + "API server stops sending requests first (default: ${DEFAULT-VALUE}; 5s in Kubernetes).")
    String shutdownDelay;

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
