package dev.assay.server;

import dev.assay.model.InvalidInputException;
import dev.assay.server.metrics.Counter;
import dev.assay.server.metrics.Histogram;
import dev.assay.server.metrics.Metrics;
import dev.assay.server.metrics.MetricsSource;
import dev.assay.server.tls.ServerTls;
import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Assay server: Helidon's web server with the routes of each {@link ServerFeature}, and around them
 * what every feature shares: {@code /healthz} (the process serves requests), {@code /readyz} (TLS is up,
 * every feature is ready, and the server is not shutting down), {@code /metrics}, a latency histogram per
 * route, request-size limits, and error responses without stack traces.
 */
public final class AssayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssayServer.class);

    private final String bindAddress;
    private final int port;
    private final ServerTls tls;
    private final List<ServerFeature> features;
    private final Duration shutdownGrace;
    private final Metrics metrics = new Metrics();
    private final Histogram latency;
    private final Counter requests;
    private volatile WebServer server;
    private volatile boolean stopping;

    private AssayServer(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.port = builder.port;
        this.tls = builder.tls;
        this.features = List.copyOf(builder.features);
        this.shutdownGrace = builder.shutdownGrace;
        this.latency = metrics.histogram(
                "assay_http_request_duration_seconds",
                "Time from routing a request to the end of its handler, by route.",
                Histogram.LATENCY_SECONDS,
                "endpoint");
        this.requests =
                metrics.counter("assay_http_requests_total", "Requests by route and status code.", "endpoint", "code");
        builder.metricsSources.forEach(metrics::source);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving.
     *
     * @throws InvalidInputException when the address cannot be bound (in use, not local, no permission)
     */
    public AssayServer start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        HttpRouting.Builder routing = HttpRouting.builder();
        routing.addFilter(this::timed);
        routing.get("/healthz", (request, response) -> text(response, Status.OK_200, "ok"));
        routing.get("/readyz", this::readiness);
        routing.get("/metrics", (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, Metrics.contentType());
            response.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
        });
        for (ServerFeature feature : features) {
            feature.routing(routing, metrics);
        }
        routing.any((request, response) -> HttpErrors.send(
                response,
                Status.NOT_FOUND_404,
                "no such endpoint: " + request.prologue().method().text() + " "
                        + request.path().path()));
        routing.error(Exception.class, AssayServer::internalError);

        InetAddress address = address(bindAddress);
        probeBind(address);
        WebServerConfig.Builder config = WebServer.builder()
                .address(address)
                .port(port)
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .maxPayloadSize(features.stream()
                        .mapToLong(ServerFeature::maxRequestBytes)
                        .max()
                        .orElse(64 * 1024))
                .shutdownGracePeriod(shutdownGrace)
                .directHandlers(TransportErrors.handlers(features))
                .contentEncoding(PassThroughEncodings.context())
                // Responses are small and latency is the point: never hold a segment back for an ACK (with
                // TLS, a response can span two records, and Nagle's algorithm would delay the second).
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .routing(routing);
        if (tls != null) {
            config.tls(Tls.builder().sslContext(tls.sslContext()).build());
        }
        WebServer started;
        try {
            started = config.build().start();
        } catch (RuntimeException e) {
            throw cannotListen(rootMessage(e), e);
        }
        if (!started.isRunning()) {
            // Helidon reports a failed bind by logging it and returning a stopped server.
            throw cannotListen("the server did not start (see the log above)", null);
        }
        server = started;
        if (tls != null) {
            tls.startReloading(metrics);
        }
        LOG.info("listening on {}", url());
        return this;
    }

    /** The port bound (the one chosen by the system when started with port 0). */
    public int port() {
        WebServer running = server;
        if (running == null) {
            throw new IllegalStateException("not started");
        }
        return running.port();
    }

    /** {@code https://127.0.0.1:8443} */
    public String url() {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return (tls == null ? "http" : "https") + "://" + host + ":" + port();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Why the server should get no traffic now; empty when it is ready. */
    public List<String> notReady() {
        List<String> reasons = new ArrayList<>();
        WebServer running = server;
        if (running == null || !running.isRunning()) {
            reasons.add("not listening");
        }
        if (stopping) {
            reasons.add("shutting down");
        }
        for (ServerFeature feature : features) {
            feature.notReady().ifPresent(reason -> reasons.add(feature.name() + ": " + reason));
        }
        return reasons;
    }

    /** Reports not ready from now on, while still serving: the first step of a graceful stop. */
    public void drain() {
        stopping = true;
    }

    /**
     * Stops gracefully: reports not ready first, then stops accepting connections and lets requests in
     * flight finish (up to the shutdown grace period).
     */
    public void stop() {
        stopping = true;
        WebServer running = server;
        if (running != null && running.isRunning()) {
            LOG.info("shutting down");
            running.stop();
        }
        if (tls != null) {
            tls.close();
        }
        for (ServerFeature feature : features) {
            try {
                feature.close();
            } catch (RuntimeException e) {
                LOG.warn("feature {} failed to close", feature.name(), e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void readiness(ServerRequest request, ServerResponse response) {
        List<String> reasons = notReady();
        if (reasons.isEmpty()) {
            text(response, Status.OK_200, "ok");
        } else {
            text(response, Status.SERVICE_UNAVAILABLE_503, "not ready: " + String.join("; ", reasons));
        }
    }

    private void timed(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            // The matched route's pattern, never the raw path: a scan of random URLs must not create a
            // metric per URL.
            String endpoint = request.matchingPattern()
                    .filter(pattern -> !pattern.isEmpty() && !pattern.equals("/*"))
                    .orElse("other");
            latency.observe((System.nanoTime() - start) / 1e9, endpoint);
            requests.inc(endpoint, Integer.toString(response.status().code()));
        }
    }

    private static void internalError(ServerRequest request, ServerResponse response, Exception error) {
        LOG.error(
                "request {} {} failed",
                request.prologue().method().text(),
                request.path().path(),
                error);
        if (!response.isSent()) {
            HttpErrors.send(response, Status.INTERNAL_SERVER_ERROR_500, "internal error; see the server log");
        }
    }

    private static void text(ServerResponse response, Status status, String body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send((body + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Binds the address once before Helidon does: Helidon logs a failed bind and returns a stopped server
     * without saying why, and users deserve "address already in use" in the one line they see.
     */
    private void probeBind(InetAddress address) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw cannotListen(e.getMessage(), e);
        }
    }

    private InvalidInputException cannotListen(String why, Throwable cause) {
        return new InvalidInputException(
                "cannot listen on " + bindAddress + ":" + port + ": " + why,
                bindAddress + ":" + port,
                "choose another --port or --bind",
                cause);
    }

    private static InetAddress address(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("cannot resolve bind address " + bindAddress, bindAddress, e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
    }

    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private int port = 8443;
        private ServerTls tls;
        private boolean insecure;
        private final List<ServerFeature> features = new ArrayList<>();
        private final List<MetricsSource> metricsSources = new ArrayList<>();
        private Duration shutdownGrace = Duration.ofSeconds(10);

        private Builder() {}

        public Builder bind(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** 0 lets the system choose (tests). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new InvalidInputException("port " + port + " is not between 0 and 65535", Integer.toString(port));
            }
            this.port = port;
            return this;
        }

        public Builder tls(ServerTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** Plain HTTP: only for tests, benchmarks and a TLS-terminating proxy in front. */
        public Builder insecureHttp() {
            this.insecure = true;
            return this;
        }

        public Builder feature(ServerFeature feature) {
            features.add(Objects.requireNonNull(feature, "feature"));
            return this;
        }

        /** Extra metrics read at every scrape, such as the hit rate of a policy pack's cache. */
        public Builder metricsSource(MetricsSource source) {
            metricsSources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** How long requests in flight may take to finish when the server stops. */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        public AssayServer build() {
            if ((tls == null) == !insecure) {
                throw new IllegalStateException("choose TLS or plain HTTP, explicitly, and only one");
            }
            if (insecure) {
                LOG.warn("serving plain HTTP: the API server only calls webhooks over HTTPS, and requests and "
                        + "decisions travel unencrypted; use this only for tests or behind a TLS-terminating proxy");
            }
            return new AssayServer(this);
        }
    }
}
