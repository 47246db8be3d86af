package dev.assay.server.portfolio.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs of one instance: a poller claims due jobs of the registered kinds (never more than the
 * free slots), each job runs on its own virtual thread, and a heartbeat renews the leases of running jobs.
 *
 * <p>{@link #close()} stops gracefully: no new claims, running jobs get {@link WorkerSettings#shutdownGrace}
 * to finish, and those still running are interrupted and handed back to the queue. An instance that dies
 * instead writes nothing; its leases expire and another instance claims the jobs.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final WorkQueue queue;
    private final JobHandlers handlers;
    private final WorkerSettings settings;
    private final Set<String> kinds;
    private final ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean crashed = new AtomicBoolean();
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private volatile Thread poller;
    private volatile Thread heartbeat;

    public Worker(WorkQueue queue, JobHandlers handlers, WorkerSettings settings) {
        this.queue = queue;
        this.handlers = handlers;
        this.settings = settings;
        this.kinds = handlers.kinds();
        this.slots = new Semaphore(settings.concurrency());
    }

    /** Starts polling; the kinds claimed are those registered in the handlers when the worker was made. */
    public Worker start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("worker " + settings.name() + " is already started");
        }
        poller = Thread.ofVirtual().name("assay-worker-poll-" + settings.name()).start(this::poll);
        heartbeat =
                Thread.ofVirtual().name("assay-worker-lease-" + settings.name()).start(this::renewLeases);
        return this;
    }

    public String name() {
        return settings.name();
    }

    /** Jobs running now. */
    public int inFlight() {
        return running.size();
    }

    /** Wakes the poller now instead of at the end of its interval (after an enqueue, say). */
    public void wake() {
        wakeUp.release();
    }

    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        interruptAndJoin(poller);
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "worker {}: {} job(s) still running after {}; interrupting and handing them back",
                        settings.name(),
                        running.size(),
                        settings.shutdownGrace());
                jobs.shutdownNow();
                jobs.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            jobs.shutdownNow();
            Thread.currentThread().interrupt();
        }
        interruptAndJoin(heartbeat);
    }

    /**
     * Stops like a killed process would: threads are interrupted and nothing more is written, so running
     * jobs keep their leases until they expire. For tests of what the other instances do then.
     */
    void crash() {
        crashed.set(true);
        stopping.set(true);
        interruptAndJoin(poller);
        interruptAndJoin(heartbeat);
        jobs.shutdownNow();
    }

    private void poll() {
        while (!stopping.get()) {
            try {
                int free = slots.availablePermits();
                List<Job> claimed = free == 0 ? List.of() : queue.claim(settings.name(), kinds, free, settings.lease());
                for (Job job : claimed) {
                    slots.acquire();
                    running.put(job.id(), job);
                    jobs.execute(() -> run(job));
                }
                // A full batch suggests more are due: look again at once. Otherwise wait for the interval,
                // a finished job or wake().
                if (claimed.isEmpty() || claimed.size() < free) {
                    wakeUp.tryAcquire(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    return;
                }
                // The database is unreachable or refused the claim: keep trying, the work waits there.
                LOG.warn("worker {}: cannot claim jobs: {}", settings.name(), e.getMessage());
                try {
                    Thread.sleep(settings.pollInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void run(Job job) {
        try {
            Outcome outcome = execute(job);
            if (crashed.get()) {
                return;
            }
            boolean recorded = switch (outcome) {
                case Outcome.Done done -> queue.complete(job);
                case Outcome.Retry retry -> queue.retry(job, retry.error(), retry.delay());
                case Outcome.Dead dead -> queue.fail(job, dead.error());
                case Outcome.HandBack handBack -> queue.release(job);
            };
            if (!recorded) {
                LOG.warn(
                        "worker {}: lost the lease of job {} ({}) before it finished; another instance owns it",
                        settings.name(),
                        job.id(),
                        job.kind());
            }
        } catch (RuntimeException e) {
            if (!crashed.get()) {
                LOG.warn(
                        "worker {}: cannot record the outcome of job {}: {}",
                        settings.name(),
                        job.id(),
                        e.getMessage());
            }
        } finally {
            running.remove(job.id());
            slots.release();
            wakeUp.release();
        }
    }

    private Outcome execute(Job job) {
        JobHandler handler = handlers.handler(job.kind()).orElse(null);
        if (handler == null) {
            return new Outcome.Dead("no handler for job kind " + job.kind());
        }
        try {
            handler.handle(job);
            return new Outcome.Done();
        } catch (RetryLaterException e) {
            return new Outcome.Retry(e.getMessage(), e.delay());
        } catch (PermanentJobFailureException e) {
            return new Outcome.Dead(e.getMessage());
        } catch (InterruptedException e) {
            return new Outcome.HandBack();
        } catch (Exception e) {
            if (stopping.get() && Thread.currentThread().isInterrupted()) {
                return new Outcome.HandBack();
            }
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.debug(
                    "worker {}: job {} ({}) attempt {} failed: {}",
                    settings.name(),
                    job.id(),
                    job.kind(),
                    job.attempt(),
                    error);
            return new Outcome.Retry(error, settings.backoff().delay(job.attempt(), random));
        }
    }

    private void renewLeases() {
        long period = Math.max(1, settings.lease().toMillis() / 3);
        while (!stopping.get() || !running.isEmpty()) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            if (crashed.get()) {
                return;
            }
            List<Job> held = List.copyOf(running.values());
            try {
                int renewed = queue.renew(held, settings.lease());
                if (renewed < held.size()) {
                    LOG.warn(
                            "worker {}: {} of {} running job(s) lost their lease",
                            settings.name(),
                            held.size() - renewed,
                            held.size());
                }
            } catch (RuntimeException e) {
                LOG.warn("worker {}: cannot renew job leases: {}", settings.name(), e.getMessage());
            }
        }
    }

    private static void interruptAndJoin(Thread thread) {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private sealed interface Outcome {
        record Done() implements Outcome {}

        record Retry(String error, Duration delay) implements Outcome {}

        record Dead(String error) implements Outcome {}

        record HandBack() implements Outcome {}
    }
}
