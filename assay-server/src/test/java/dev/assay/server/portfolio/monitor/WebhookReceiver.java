package dev.assay.server.portfolio.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback that misbehaves as told for the first requests (an error status, or a
 * hang), then answers 204. It checks each signature with its own HMAC code, not the server's.
 */
final class WebhookReceiver implements AutoCloseable {
    /** What the receiver saw; {@code status} is what it answered, -1 when it hung. */
    record Received(
            String deliveryId,
            String event,
            String timestamp,
            String signature,
            String body,
            boolean signatureValid,
            int status,
            Instant at) {}

    private final HttpServer server;
    private final String secret;
    private final int misbehaveTimes;
    private final int errorStatus;
    private final Duration hang;
    private final String retryAfter;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(String secret, int misbehaveTimes, int errorStatus, Duration hang, String retryAfter) {
        this.secret = secret;
        this.misbehaveTimes = misbehaveTimes;
        this.errorStatus = errorStatus;
        this.hang = hang;
        this.retryAfter = retryAfter;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", this::handle);
        server.start();
    }

    /** Answers {@code status} (with {@code Retry-After} when given) to the first {@code times} requests. */
    static WebhookReceiver failing(String secret, int times, int status, String retryAfter) {
        return new WebhookReceiver(secret, times, status, Duration.ZERO, retryAfter);
    }

    /** Sends nothing back for {@code hang} on the first {@code times} requests. */
    static WebhookReceiver hanging(String secret, int times, Duration hang) {
        return new WebhookReceiver(secret, times, 0, hang, null);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> succeeded() {
        return received.stream().filter(r -> r.status() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int number = requests.incrementAndGet();
        byte[] body;
        try (InputStream input = exchange.getRequestBody()) {
            body = input.readAllBytes();
        }
        String timestamp = exchange.getRequestHeaders().getFirst("X-Assay-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Assay-Signature");
        boolean valid = timestamp != null && ("sha256=" + hmac(timestamp, body)).equals(signature);
        int status;
        if (number <= misbehaveTimes && !hang.isZero()) {
            status = -1;
        } else if (number <= misbehaveTimes) {
            status = errorStatus;
        } else {
            status = valid ? 204 : 401;
        }
        received.add(new Received(
                exchange.getRequestHeaders().getFirst("X-Assay-Delivery"),
                exchange.getRequestHeaders().getFirst("X-Assay-Event"),
                timestamp,
                signature,
                new String(body, StandardCharsets.UTF_8),
                valid,
                status,
                Instant.now()));
        if (status == -1) {
            try {
                Thread.sleep(hang);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (retryAfter != null && number <= misbehaveTimes) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
