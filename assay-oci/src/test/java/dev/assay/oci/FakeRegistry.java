package dev.assay.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-test imitation of a registry and its token service on loopback, for what a real registry cannot
 * be made to do on demand: bearer challenges, 503s, stalls, cross-host redirects. Records every request's
 * Authorization header so tests can check where credentials went.
 */
final class FakeRegistry implements AutoCloseable {
    static final String TOKEN = "tok-" + System.nanoTime();

    final HttpServer server;
    final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    final Map<String, String> manifestTypes = new ConcurrentHashMap<>();
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicInteger unavailableResponses = new AtomicInteger();
    volatile boolean requireBearer;
    volatile String expectedBasic;
    volatile boolean stallBlobs;
    volatile String redirectBlobsTo;

    FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String host() {
        return "127.0.0.1:" + port();
    }

    void push(String repository, String tag, TestImages.Image image) {
        manifests.put(repository + "/" + tag, image.manifest());
        manifests.put(repository + "/" + image.manifestDigest(), image.manifest());
        manifestTypes.put(repository + "/" + tag, MediaTypes.OCI_MANIFEST);
        blobs.put(image.configDigest().toString(), image.config());
        image.layers().forEach(layer -> blobs.put(layer.digest().toString(), layer.blob()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            log.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth=" + authorization);
            if (path.equals("/token")) {
                if (expectedBasic != null && !expectedBasic.equals(authorization)) {
                    send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}", "application/json");
                    return;
                }
                send(exchange, 200, "{\"token\":\"" + TOKEN + "\",\"expires_in\":300}", "application/json");
                return;
            }
            if (path.startsWith("/cdn/")) {
                byte[] blob = blobs.get(path.substring("/cdn/".length()));
                send(exchange, blob == null ? 404 : 200, blob == null ? new byte[0] : blob, "application/octet-stream");
                return;
            }
            if (unavailableResponses.getAndUpdate(value -> Math.max(0, value - 1)) > 0) {
                send(exchange, 503, "busy", "text/plain");
                return;
            }
            if (requireBearer && !("Bearer " + TOKEN).equals(authorization)) {
                exchange.getResponseHeaders()
                        .add(
                                "WWW-Authenticate",
                                "Bearer realm=\"http://" + host()
                                        + "/token\",service=\"fake\",scope=\"repository:test/app:pull\"");
                send(exchange, 401, "{\"errors\":[]}", "application/json");
                return;
            }
            String[] parts = path.split("/");
            // /v2/<repo...>/<manifests|blobs>/<reference>
            if (parts.length < 5 || !parts[1].equals("v2")) {
                send(exchange, 404, "", "text/plain");
                return;
            }
            String kind = parts[parts.length - 2];
            String reference = parts[parts.length - 1];
            String repository = String.join("/", List.of(parts).subList(2, parts.length - 2));
            if (kind.equals("manifests")) {
                byte[] manifest = manifests.get(repository + "/" + reference);
                String type = manifestTypes.getOrDefault(repository + "/" + reference, MediaTypes.OCI_MANIFEST);
                send(exchange, manifest == null ? 404 : 200, manifest == null ? new byte[0] : manifest, type);
            } else if (kind.equals("blobs")) {
                byte[] blob = blobs.get(reference);
                if (blob == null) {
                    send(exchange, 404, "", "text/plain");
                } else if (redirectBlobsTo != null) {
                    exchange.getResponseHeaders().add("Location", redirectBlobsTo + "/cdn/" + reference);
                    send(exchange, 307, "", "text/plain");
                } else if (stallBlobs) {
                    exchange.sendResponseHeaders(200, blob.length);
                    OutputStream body = exchange.getResponseBody();
                    body.write(blob, 0, Math.min(10, blob.length));
                    body.flush();
                    sleepQuietly(30_000);
                } else {
                    send(exchange, 200, blob, "application/octet-stream");
                }
            } else {
                send(exchange, 404, "", "text/plain");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
