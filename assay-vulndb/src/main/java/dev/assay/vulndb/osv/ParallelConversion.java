package dev.assay.vulndb.osv;

import dev.assay.model.AssayException;
import dev.assay.model.Location;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and converts documents on all cores while the caller keeps reading files or zip entries, and
 * hands the results to the sink in the order the documents were read (so that imports are deterministic
 * and the sink needs no locking). Parsing is most of an import's cost: the full OSV dump is half a
 * million records.
 *
 * <p>At most {@code 4 x threads} documents are in flight, which bounds the memory held to that many
 * documents of at most the record size limit.
 */
final class ParallelConversion implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelConversion.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final OsvSink sink;
    private final String source;
    private final ExecutorService workers;
    private final int window;
    private final Deque<Future<Outcome>> inFlight = new ArrayDeque<>();

    /** What converting one document gave. */
    private sealed interface Outcome {
        Location location();
    }

    private record Converted(Location location, OsvDocument document) implements Outcome {}

    private record Failed(Location location, String reason) implements Outcome {}

    ParallelConversion(OsvSink sink, String source) {
        this.sink = sink;
        this.source = source;
        int threads = Math.min(8, Runtime.getRuntime().availableProcessors());
        int pool = POOLS.incrementAndGet();
        this.workers = threads <= 1
                ? null
                : Executors.newFixedThreadPool(threads, task -> {
                    Thread thread = new Thread(task, "osv-convert-" + pool);
                    thread.setDaemon(true);
                    return thread;
                });
        this.window = 4 * Math.max(1, threads);
    }

    /** Converts one document; its result reaches the sink after every document submitted before it. */
    void submit(byte[] content, OsvRecordReader.Format format, Location location) {
        if (workers == null) {
            deliver(convert(content, format, location));
            return;
        }
        inFlight.addLast(workers.submit(() -> convert(content, format, location)));
        while (inFlight.size() >= window) {
            deliver(await(inFlight.removeFirst()));
        }
    }

    /** Delivers everything still in flight. */
    void finish() {
        while (!inFlight.isEmpty()) {
            deliver(await(inFlight.removeFirst()));
        }
    }

    /** Sends a result that needed no conversion, in order with the converted ones. */
    void error(Location location, String reason) {
        if (workers == null) {
            sink.error(location, reason);
            return;
        }
        inFlight.addLast(java.util.concurrent.CompletableFuture.completedFuture(new Failed(location, reason)));
    }

    @Override
    public void close() {
        if (workers != null) {
            inFlight.forEach(future -> future.cancel(true));
            workers.shutdownNow();
        }
    }

    private Outcome convert(byte[] content, OsvRecordReader.Format format, Location location) {
        try {
            return new Converted(location, OsvRecordReader.read(content, format, location.path(), source));
        } catch (AssayException e) {
            LOG.debug("skipping {}: {}", location, e.getMessage());
            return new Failed(location, reason(e.getMessage(), location));
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // A shape the conversion did not foresee in hostile input: still only this record's problem.
            LOG.debug("skipping {}", location, e);
            return new Failed(location, "unreadable record: " + e);
        } catch (StackOverflowError e) {
            return new Failed(location, "nested too deeply");
        }
    }

    private void deliver(Outcome outcome) {
        switch (outcome) {
            case Converted converted -> {
                switch (converted.document()) {
                    case OsvDocument.Record record -> sink.record(record.advisory(), converted.location());
                    case OsvDocument.NotOsv notOsv ->
                        sink.notOsv(converted.location(), "not an OSV record: " + notOsv.reason());
                }
            }
            case Failed failed -> sink.error(failed.location(), failed.reason());
        }
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("import interrupted");
        } catch (ExecutionException e) {
            // convert() catches what documents can throw; anything else is a bug and is rethrown as such.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The message without the location prefix the parsers put first (the sink gets the location apart). */
    private static String reason(String exceptionMessage, Location location) {
        String message = exceptionMessage == null ? "unreadable" : exceptionMessage;
        String prefix = location.path() + " ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
