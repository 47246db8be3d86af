import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Open-loop load generator for the admission webhook: requests are due at a constant rate, whatever the
 * server does, and each request's latency is measured from the time it was due, not from the time a
 * connection was free to send it. A server that stalls for 100 ms therefore shows 100 ms (and less for
 * the requests queued behind it) instead of one slow sample: no coordinated omission.
 *
 * <p>Requests go over a fixed set of HTTP/1.1 keep-alive connections (the API server keeps its webhook
 * connections open too), each served by one virtual thread that takes the next due request from a queue.
 * Every latency is kept (an int of microseconds per request), so percentiles are exact: no histogram
 * library needed at these counts.
 *
 * <pre>
 * java bench/webhook/LoadGenerator.java --url http://127.0.0.1:18443/admission/validate \
 *     --body bench/webhook/pod-3-containers.json --rate 1000 --warmup 20s --duration 30s [--ca ca.crt]
 *     [--connections 32] [--find-max --p99-limit-ms 5]
 * </pre>
 */
public final class LoadGenerator {
    record Options(
            URI url,
            byte[] body,
            String expect,
            double rate,
            Duration warmup,
            Duration duration,
            int connections,
            Path ca,
            boolean findMax,
            double p99LimitMs,
            Duration stepDuration) {}

    record Result(double rate, long sent, long ok, long errors, double seconds, int[] latenciesMicros) {
        double percentile(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(latenciesMicros.length - 1, index))] / 1000.0;
        }

        double max() {
            return latenciesMicros.length == 0 ? Double.NaN : latenciesMicros[latenciesMicros.length - 1] / 1000.0;
        }

        double achieved() {
            return ok / seconds;
        }
    }

    /** One keep-alive connection; kept across phases, so a measured phase never pays for handshakes. */
    static final class Connection {
        Socket socket;
        InputStream in;
    }

    private static Connection[] pool;

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        SSLContext tls = options.url().getScheme().equals("https") ? trusting(options.ca()) : null;
        byte[] request = request(options);
        pool = new Connection[options.connections()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Connection();
        }
        System.out.printf(Locale.ROOT, "# %s, %d connections, %s body of %d bytes%n", options.url(), options.connections(),
                options.url().getScheme(), options.body().length);
        run(options, tls, request, options.rate(), options.warmup(), false);
        if (!options.findMax()) {
            Result result = run(options, tls, request, options.rate(), options.duration(), true);
            System.out.println(header());
            System.out.println(row(result));
            return;
        }
        System.out.println(header());
        double rate = options.rate();
        Result lastGood = null;
        while (true) {
            Result result = run(options, tls, request, rate, options.stepDuration(), true);
            System.out.println(row(result));
            boolean sustained = result.errors() == 0
                    && result.percentile(99) <= options.p99LimitMs()
                    && result.achieved() >= 0.97 * rate;
            if (!sustained) {
                break;
            }
            lastGood = result;
            rate = rate * 1.25;
        }
        System.out.println(lastGood == null
                ? "# maximum sustained throughput: below " + options.rate() + " requests/s"
                : String.format(Locale.ROOT,
                        "# maximum sustained throughput: %.0f requests/s (p99 %.2f ms <= %.1f ms, no errors)",
                        lastGood.rate(), lastGood.percentile(99), options.p99LimitMs()));
    }

    static String header() {
        return "| rate [req/s] | achieved [req/s] | errors | p50 [ms] | p90 [ms] | p99 [ms] | p99.9 [ms] | max [ms] |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    static String row(Result result) {
        return String.format(Locale.ROOT, "| %.0f | %.0f | %d | %.3f | %.3f | %.3f | %.3f | %.3f |", result.rate(),
                result.achieved(), result.errors(), result.percentile(50), result.percentile(90),
                result.percentile(99), result.percentile(99.9), result.max());
    }

    /** One phase at a constant rate; {@code record} false for warm-up. */
    static Result run(Options options, SSLContext tls, byte[] request, double rate, Duration duration, boolean record)
            throws Exception {
        long total = (long) Math.ceil(rate * duration.toNanos() / 1e9);
        long interval = (long) (1e9 / rate);
        // Capacity for every request of the phase: the scheduler never blocks, so it never slows down.
        BlockingQueue<Long> due = new ArrayBlockingQueue<>((int) Math.min(total + options.connections(), Integer.MAX_VALUE));
        int[] latencies = new int[(int) total];
        AtomicLong completed = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(options.connections());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            Connection connection = pool[i];
            workers.add(Thread.ofVirtual().start(() -> {
                try {
                    work(options, tls, request, connection, due, latencies, completed, ok, errors);
                } finally {
                    done.countDown();
                }
            }));
        }
        long start = System.nanoTime() + 50_000_000;
        // No busy spinning (it would take a core from the server on a small machine): sleep until the next
        // request is due and release every request due by then. A late wake-up counts against the server,
        // because latency is measured from the due time.
        long next = 0;
        while (next < total) {
            long now = System.nanoTime();
            while (next < total && start + next * interval <= now) {
                due.add(start + next * interval);
                next++;
            }
            if (next < total) {
                LockSupport.parkNanos(start + next * interval - now);
            }
        }
        for (int i = 0; i < options.connections(); i++) {
            due.add(-1L);
        }
        if (!done.await(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            workers.forEach(Thread::interrupt);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int count = (int) Math.min(completed.get(), latencies.length);
        int[] recorded = Arrays.copyOf(latencies, count);
        Arrays.sort(recorded);
        return new Result(rate, total, ok.get(), errors.get() + (total - completed.get()), seconds, recorded);
    }

    private static void work(Options options, SSLContext tls, byte[] request, Connection connection,
            BlockingQueue<Long> due, int[] latencies, AtomicLong completed, AtomicLong ok, AtomicLong errors) {
        Socket socket = connection.socket;
        InputStream in = connection.in;
        try {
            while (true) {
                long at = due.take();
                if (at < 0) {
                    return;
                }
                boolean success = false;
                try {
                    if (socket == null) {
                        socket = connect(options.url(), tls);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    success = readResponse(in, options.expect());
                } catch (IOException e) {
                    close(socket);
                    socket = null;
                }
                long latency = System.nanoTime() - at;
                int index = (int) completed.getAndIncrement();
                if (index < latencies.length) {
                    latencies[index] = (int) Math.min(Integer.MAX_VALUE, latency / 1000);
                }
                (success ? ok : errors).incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.socket = socket;
            connection.in = in;
        }
    }

    private static Socket connect(URI url, SSLContext tls) throws IOException {
        int port = url.getPort();
        Socket socket = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(url.getHost(), port), 5000);
        socket.setSoTimeout(30_000);
        if (socket instanceof SSLSocket ssl) {
            ssl.startHandshake();
        }
        return socket;
    }

    /** Reads one response; true when it is a 200 whose body contains the expected text. */
    private static boolean readResponse(InputStream input, String expect) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int next = input.read();
            if (next < 0) {
                throw new IOException("connection closed");
            }
            head.write(next);
            last4 = (last4 << 8) | next;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = -1;
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        if (length < 0) {
            throw new IOException("no content length");
        }
        byte[] body = input.readNBytes(length);
        return headers.startsWith("HTTP/1.1 200") && new String(body, StandardCharsets.UTF_8).contains(expect);
    }

    private static byte[] request(Options options) {
        String host = options.url().getHost() + ":" + options.url().getPort();
        String head = "POST " + options.url().getRawPath() + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                + options.body().length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + options.body().length);
        System.arraycopy(options.body(), 0, request, headBytes.length, options.body().length);
        return request;
    }

    private static SSLContext trusting(Path ca) throws Exception {
        if (ca == null) {
            throw new IllegalArgumentException("https needs --ca FILE");
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream input = Files.newInputStream(ca)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(input));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        throw new IllegalArgumentException("duration " + text + ": use 500ms or 30s");
    }

    private static Options parse(String[] args) throws IOException {
        URI url = null;
        Path body = null;
        String expect = "\"allowed\":true";
        double rate = 1000;
        Duration warmup = Duration.ofSeconds(20);
        Duration measure = Duration.ofSeconds(30);
        Duration step = Duration.ofSeconds(10);
        int connections = 32;
        Path ca = null;
        boolean findMax = false;
        double limit = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = URI.create(args[++i]);
                case "--body" -> body = Path.of(args[++i]);
                case "--expect" -> expect = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = duration(args[++i]);
                case "--duration" -> measure = duration(args[++i]);
                case "--step-duration" -> step = duration(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--ca" -> ca = Path.of(args[++i]);
                case "--find-max" -> findMax = true;
                case "--p99-limit-ms" -> limit = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || body == null) {
            throw new IllegalArgumentException("--url and --body are required");
        }
        return new Options(url, Files.readAllBytes(body), expect, rate, warmup, measure, connections, ca, findMax,
                limit, step);
    }
}
