package dev.assay.server.portfolio.monitor;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task now and then every interval on a named virtual thread until closed. A failed run is logged
 * and the task tried again at the next interval: a database or advisory store that is briefly unavailable
 * must not end the loop.
 */
final class PeriodicLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicLoop.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private PeriodicLoop() {}

    /**
     * @param what names the task in the warning a failed run logs ("cannot {what}: ...")
     * @return stops the loop, waiting up to ten seconds for a running task to end
     */
    static AutoCloseable start(String threadName, Duration interval, String what, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + threadName + " must be positive");
        }
        Thread thread = Thread.ofVirtual().name(threadName).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("cannot {} (retrying in {}): {}", what, interval, e.getMessage());
                }
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return () -> {
            thread.interrupt();
            thread.join(STOP_WAIT);
        };
    }
}
