package dev.assay.engine;

import dev.assay.model.NoVerdictException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work done on another thread, as if it had run on this one. */
public final class Futures {
    private Futures() {}

    /**
     * The task's result, rethrowing what it threw unwrapped (a registry that became unreachable stays a
     * {@link NoVerdictException}); an interrupt while waiting is no verdict either.
     *
     * @param waitingFor what the caller waits for, for the interrupt's message ({@code a verification})
     */
    public static <T> T join(Future<T> task, String waitingFor) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoVerdictException("interrupted while waiting for " + waitingFor, null, "", e);
        }
    }
}
