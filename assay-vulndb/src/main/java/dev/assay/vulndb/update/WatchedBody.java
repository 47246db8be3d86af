package dev.assay.vulndb.update;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that a watchdog closes when no byte has arrived for the stall timeout or the attempt's
 * deadline has passed. java.net.http bounds only the wait for the headers; closing the body is what wakes
 * a reader blocked on a silent connection. After a close by the watchdog every read reports why.
 */
final class WatchedBody extends FilterInputStream {
    private final long stallNanos;
    private final long deadlineNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastActivity = System.nanoTime();
    private volatile String expired;

    /**
     * @param deadlineNanos the {@link System#nanoTime()} value after which the attempt is over
     */
    WatchedBody(InputStream body, Duration stallTimeout, long deadlineNanos, ScheduledExecutorService watchdog) {
        super(body);
        this.stallNanos = stallTimeout.toNanos();
        this.deadlineNanos = deadlineNanos;
        long period = Math.clamp(stallTimeout.toMillis() / 5, 20, 1000);
        this.check = watchdog.scheduleAtFixedRate(this::inspect, period, period, TimeUnit.MILLISECONDS);
    }

    /** Why the watchdog closed the body, or null when it did not. */
    String expired() {
        return expired;
    }

    private void inspect() {
        long now = System.nanoTime();
        String reason = null;
        if (now - lastActivity > stallNanos) {
            reason = "no data for " + stallNanos / 1_000_000 + " ms";
        } else if (now - deadlineNanos > 0) {
            reason = "the request took longer than its timeout";
        }
        if (reason != null) {
            expired = reason;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException e) {
                // closing is only how the blocked reader is woken; the reason is already recorded
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] single = new byte[1];
        int read = read(single, 0, 1);
        return read < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read;
        try {
            read = in.read(buffer, offset, length);
        } catch (IOException e) {
            throw expired != null ? new StalledException(expired, e) : e;
        }
        // A body closed by the watchdog may look like a clean end of stream.
        if (expired != null) {
            throw new StalledException(expired, null);
        }
        lastActivity = System.nanoTime();
        return read;
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }

    /** The watchdog ended the body. */
    static final class StalledException extends IOException {
        private static final long serialVersionUID = 1L;

        StalledException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
