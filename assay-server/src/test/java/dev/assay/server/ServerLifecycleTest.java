package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.server.metrics.Metrics;
import io.helidon.webserver.http.HttpRouting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {
    /** A feature with one slow route and a readiness switch. */
    static final class SlowFeature implements ServerFeature {
        final AtomicBoolean ready = new AtomicBoolean(false);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public void routing(HttpRouting.Builder routing, Metrics metrics) {
            routing.get("/slow", (request, response) -> {
                entered.countDown();
                Thread.sleep(700);
                response.send("done");
            });
            routing.get("/boom", (request, response) -> {
                throw new IllegalStateException("secret internal detail");
            });
        }

        @Override
        public Optional<String> notReady() {
            return ready.get() ? Optional.empty() : Optional.of("warming up");
        }

        @Override
        public long maxRequestBytes() {
            return 1024;
        }
    }

    private static HttpResponse<String> get(HttpClient client, AssayServer server, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyz_featureNotReady_is503WithTheReason() throws Exception {
        SlowFeature feature = new SlowFeature();
        try (AssayServer server = AssayServer.builder()
                        .bind("127.0.0.1")
                        .port(0)
                        .insecureHttp()
                        .feature(feature)
                        .build()
                        .start();
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> notReady = get(client, server, "/readyz");
            feature.ready.set(true);
            HttpResponse<String> ready = get(client, server, "/readyz");

            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("not ready: slow: warming up\n");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(get(client, server, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void handlerException_is500WithoutDetails() throws Exception {
        try (AssayServer server = AssayServer.builder()
                        .bind("127.0.0.1")
                        .port(0)
                        .insecureHttp()
                        .feature(new SlowFeature())
                        .build()
                        .start();
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = get(client, server, "/boom");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("internal error").doesNotContain("secret", "Exception", "\tat ");
        }
    }

    @Test
    void stop_letsARequestInFlightFinish() throws Exception {
        SlowFeature feature = new SlowFeature();
        AssayServer server = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(feature)
                .shutdownGrace(Duration.ofSeconds(5))
                .build()
                .start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.url() + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(feature.entered.await(5, TimeUnit.SECONDS)).isTrue();

            server.stop();

            HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("done");
            assertThat(server.notReady()).contains("shutting down");
        }
    }

    @Test
    void start_portInUse_isInvalidInputWithAHint() {
        try (AssayServer first = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(new SlowFeature())
                .build()
                .start()) {
            AssayServer second = AssayServer.builder()
                    .bind("127.0.0.1")
                    .port(first.port())
                    .insecureHttp()
                    .feature(new SlowFeature())
                    .build();

            assertThatThrownBy(second::start)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void build_withoutChoosingTlsOrHttp_isRefused() {
        assertThatThrownBy(
                        () -> AssayServer.builder().feature(new SlowFeature()).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
