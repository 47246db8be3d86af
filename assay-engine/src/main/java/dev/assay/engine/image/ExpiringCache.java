package dev.assay.engine.image;

import dev.assay.engine.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded, thread-safe cache whose entries are reused while younger than the reader's maximum age (each
 * image policy has its own {@code cacheTTL}), least recently used first out. Concurrent misses for one
 * key compute once: the pods of a new ReplicaSet arrive together, and all of them waiting on one registry
 * verification is both faster and kinder to the registry than each asking. A failed computation (the
 * registry unreachable) is not cached; every waiter sees its exception and the next lookup tries again.
 */
final class ExpiringCache<K, V> {
    private record Stored<V>(V value, Instant stored) {}

    private final int capacity;
    private final Clock clock;
    private final Map<K, Stored<V>> entries;
    private final Map<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();

    ExpiringCache(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Stored<V>> eldest) {
                if (size() > ExpiringCache.this.capacity) {
                    evictions.incrementAndGet();
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * The cached value when it is younger than {@code maxAge}, else {@code compute}'s, which is then cached.
     * A zero {@code maxAge} never reuses a value.
     *
     * @throws RuntimeException whatever {@code compute} threw
     */
    V get(K key, Duration maxAge, Supplier<V> compute) {
        Instant now = clock.instant();
        synchronized (entries) {
            Stored<V> entry = entries.get(key);
            if (entry != null && fresh(entry, now, maxAge)) {
                hits.incrementAndGet();
                return entry.value();
            }
        }
        misses.incrementAndGet();
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return Futures.join(running, "a verification");
        }
        try {
            V value = compute.get();
            synchronized (entries) {
                entries.put(key, new Stored<>(value, clock.instant()));
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static <V> boolean fresh(Stored<V> entry, Instant now, Duration maxAge) {
        return now.isBefore(entry.stored().plus(maxAge));
    }

    CacheStatistics statistics() {
        int size;
        synchronized (entries) {
            size = entries.size();
        }
        return new CacheStatistics(hits.get(), misses.get(), evictions.get(), size, capacity);
    }
}
