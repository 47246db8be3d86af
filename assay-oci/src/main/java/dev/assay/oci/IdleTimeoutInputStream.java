package dev.assay.oci;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that is closed by a watchdog once no byte has arrived for the read timeout.
 * java.net.http bounds only the wait for headers; without this a registry that stalls mid-body would
 * hang a pull forever.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
    private final long timeoutNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream input, Duration timeout, ScheduledExecutorService watchdog) {
        super(input);
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
        this.check = watchdog.scheduleAtFixedRate(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        if (System.nanoTime() - lastActivity > timeoutNanos) {
            timedOut = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException e) {
                // closing is how the blocked reader is woken; a failure to close changes nothing
            }
        }
    }

    boolean timedOut() {
        return timedOut;
    }

    @Override
    public int read() throws IOException {
        int value = guarded(super.read());
        lastActivity = System.nanoTime();
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int read = super.read(buffer, offset, length);
            lastActivity = System.nanoTime();
            return guarded(read);
        } catch (IOException e) {
            if (timedOut) {
                throw new IOException("no data for " + timeoutNanos / 1_000_000 + " ms", e);
            }
            throw e;
        }
    }

    private int guarded(int value) throws IOException {
        if (timedOut) {
            throw new IOException("no data for " + timeoutNanos / 1_000_000 + " ms");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
