package dev.assay.server.portfolio.monitor;

/**
 * Does the work of one job kind. A worker claims only kinds it has a handler for.
 *
 * <p>Returning normally marks the job done. Throwing {@link RetryLaterException} schedules the next attempt
 * after the delay it names, {@link PermanentJobFailureException} marks the job dead at once, and any other
 * exception retries with the worker's back-off until the job's attempts are used up. A handler may run
 * again after a crash between its side effects and the job's completion (at-least-once): make its effects
 * idempotent, e.g. keyed by {@link Job#id()}.
 */
public interface JobHandler {
    /** The job kind handled, e.g. {@code webhook.deliver}. */
    String kind();

    void handle(Job job) throws Exception;
}
