package dev.assay.server.portfolio.monitor;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registration point for job handlers, one per kind. Register every handler before starting a
 * {@link Worker}: the set of kinds is what the worker claims.
 */
public final class JobHandlers {
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException when the kind already has a handler (two handlers for one kind would
     *     make which one runs depend on the instance)
     */
    public JobHandlers register(JobHandler handler) {
        JobHandler previous = handlers.putIfAbsent(handler.kind(), handler);
        if (previous != null) {
            throw new IllegalArgumentException("job kind '" + handler.kind() + "' already has a handler: " + previous);
        }
        return this;
    }

    public Optional<JobHandler> handler(String kind) {
        return Optional.ofNullable(handlers.get(kind));
    }

    public Set<String> kinds() {
        return Set.copyOf(new TreeMap<>(handlers).keySet());
    }
}
