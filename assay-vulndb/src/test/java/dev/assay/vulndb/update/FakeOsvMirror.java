package dev.assay.vulndb.update;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OSV mirror on 127.0.0.1 (port 0): each path answers with a scripted {@link Responder}, and every
 * request is recorded with its headers so tests can assert what the downloader sent.
 */
final class FakeOsvMirror implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private FakeOsvMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeOsvMirror start() throws IOException {
        return new FakeOsvMirror();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests for this raw (still percent-encoded) path. */
    FakeOsvMirror route(String rawPath, Responder responder) {
        routes.put(rawPath, responder);
        return this;
    }

    List<Request> requests(String rawPath) {
        return requests.stream()
                .filter(request -> request.rawPath().equals(rawPath))
                .toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Blocks a handler until the mirror is closed: a server that has gone silent. */
    void stallUntilClosed() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        Request request = new Request(exchange.getRequestMethod(), rawPath, exchange.getRequestHeaders());
        requests.add(request);
        Responder responder = routes.get(rawPath);
        try (exchange) {
            if (responder == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            responder.respond(exchange, requests(rawPath).size());
        } catch (IOException e) {
            // an abruptly ended response (a scripted connection drop) is the point of some tests
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One scripted answer; {@code number} counts requests to this path, from 1. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, int number) throws IOException;
    }

    record Request(String method, String rawPath, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** A plain status with an empty body and optional headers. */
    static Responder status(int status, String... headerPairs) {
        return (exchange, number) -> {
            for (int index = 0; index + 1 < headerPairs.length; index += 2) {
                exchange.getResponseHeaders().add(headerPairs[index], headerPairs[index + 1]);
            }
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /**
     * A dump served the way an object store serves it: ETag and Last-Modified, 304 for a matching
     * conditional request, 206 for {@code Range: bytes=N-} when If-Range matches (200 otherwise), 416 past
     * the end. It can be replaced, given an {@code x-goog-hash}, or told to drop the connection.
     */
    static final class Dump implements Responder {
        static final String LAST_MODIFIED = "Tue, 02 Sep 2025 10:00:00 GMT";

        private volatile byte[] content;
        private volatile String etag;
        private volatile String lastModified = LAST_MODIFIED;
        private volatile String googHash;
        private volatile boolean chunked;
        private volatile boolean ignoreRange;
        private volatile long dropAfterBytes = -1;
        private volatile long declaredLength = -1;
        private final AtomicInteger dropsLeft = new AtomicInteger();

        Dump(byte[] content, String etag) {
            this.content = content.clone();
            this.etag = etag;
        }

        Dump replace(byte[] newContent, String newEtag, String newLastModified) {
            this.content = newContent.clone();
            this.etag = newEtag;
            this.lastModified = newLastModified;
            return this;
        }

        Dump googHash(String value) {
            this.googHash = value;
            return this;
        }

        /** Sends without Content-Length (chunked), as a server streaming a file of unknown size. */
        Dump chunked() {
            this.chunked = true;
            return this;
        }

        /** Answers every request with the whole dump, as a server without range support. */
        Dump ignoringRange() {
            this.ignoreRange = true;
            return this;
        }

        /** Sends no Last-Modified, so the ETag is the only validator. */
        Dump withoutLastModified() {
            this.lastModified = null;
            return this;
        }

        /** Announces a different Content-Length than the body (only the header; the body is not sent). */
        Dump declaring(long length) {
            this.declaredLength = length;
            return this;
        }

        /** The next {@code times} responses close the connection after {@code bytes} body bytes. */
        Dump dropAfter(long bytes, int times) {
            this.dropAfterBytes = bytes;
            this.dropsLeft.set(times);
            return this;
        }

        @Override
        public void respond(HttpExchange exchange, int number) throws IOException {
            byte[] body = content;
            Headers request = exchange.getRequestHeaders();
            Headers response = exchange.getResponseHeaders();
            if (etag != null) {
                response.set("ETag", etag);
            }
            if (lastModified != null) {
                response.set("Last-Modified", lastModified);
            }
            String ifNoneMatch = request.getFirst("If-None-Match");
            String ifModifiedSince = request.getFirst("If-Modified-Since");
            boolean notModified = ifNoneMatch != null
                    ? ifNoneMatch.equals(etag)
                    : ifModifiedSince != null && ifModifiedSince.equals(lastModified);
            if (notModified) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (declaredLength >= 0) {
                exchange.sendResponseHeaders(200, declaredLength);
                exchange.getResponseBody().flush();
                return;
            }
            int start = 0;
            boolean partial = false;
            String range = request.getFirst("Range");
            String ifRange = request.getFirst("If-Range");
            if (range != null
                    && !ignoreRange
                    && range.startsWith("bytes=")
                    && range.endsWith("-")
                    && (ifRange == null || ifRange.equals(etag) || ifRange.equals(lastModified))) {
                start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                if (start >= body.length) {
                    response.set("Content-Range", "bytes */" + body.length);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                partial = true;
                response.set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            }
            if (googHash != null) {
                response.set("x-goog-hash", googHash);
            }
            response.set("Content-Type", "application/zip");
            int length = body.length - start;
            exchange.sendResponseHeaders(partial ? 206 : 200, chunked ? 0 : length);
            OutputStream out = exchange.getResponseBody();
            if (dropAfterBytes >= 0 && dropsLeft.getAndDecrement() > 0) {
                out.write(body, start, (int) Math.min(dropAfterBytes, length));
                out.flush();
                // Closing the exchange before the announced length is written makes the server close
                // the connection (closing only the body stream would leave it open and silent).
                return;
            }
            out.write(body, start, length);
        }
    }
}
