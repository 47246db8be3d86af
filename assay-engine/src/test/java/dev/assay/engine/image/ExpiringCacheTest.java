package dev.assay.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.NoVerdictException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExpiringCacheTest {
    private static final Duration TTL = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final AtomicInteger computed = new AtomicInteger();

    private String compute() {
        return "value-" + computed.incrementAndGet();
    }

    @Test
    void get_secondLookup_isAHit() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);

        assertThat(cache.get("k", TTL, this::compute)).isEqualTo("value-1");
        assertThat(cache.get("k", TTL, this::compute)).isEqualTo("value-1");

        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(1, 1, 0, 1, 10));
        assertThat(cache.statistics().hitRate()).isEqualTo(0.5);
    }

    @Test
    void get_afterTheTtl_computesAgain() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        cache.get("k", TTL, this::compute);

        clock.advance(TTL.minusSeconds(1));
        assertThat(cache.get("k", TTL, this::compute)).isEqualTo("value-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("k", TTL, this::compute)).isEqualTo("value-2");
        assertThat(cache.get("k", TTL, this::compute)).isEqualTo("value-2");
    }

    @Test
    void get_readersWithShorterTtl_seeOlderEntriesAsExpired() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        cache.get("k", TTL, this::compute);
        clock.advance(Duration.ofMinutes(2));

        assertThat(cache.get("k", Duration.ofMinutes(1), this::compute)).isEqualTo("value-2");
        assertThat(cache.get("k", Duration.ZERO, this::compute)).isEqualTo("value-3");
    }

    @Test
    void get_overCapacity_evictsTheLeastRecentlyUsed() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2, clock);
        cache.get("a", TTL, this::compute);
        cache.get("b", TTL, this::compute);
        cache.get("a", TTL, this::compute); // a is now the most recently used
        cache.get("c", TTL, this::compute); // evicts b

        assertThat(cache.get("a", TTL, this::compute)).isEqualTo("value-1");
        assertThat(cache.get("b", TTL, this::compute)).isEqualTo("value-4");
        assertThat(cache.statistics().evictions()).isEqualTo(2);
        assertThat(cache.statistics().size()).isEqualTo(2);
    }

    @Test
    void get_failure_isNotCached() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);

        assertThatThrownBy(() -> cache.get("k", TTL, () -> {
                    throw new NoVerdictException("registry down", "r", "", null);
                }))
                .isInstanceOf(NoVerdictException.class);
        assertThat(cache.get("k", TTL, this::compute)).isEqualTo("value-1");
    }

    @Test
    @Timeout(20)
    void get_concurrentMisses_computeOnce() throws Exception {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            results.add(executor.submit(() -> cache.get("k", TTL, () -> {
                computing.countDown();
                await(release);
                return compute();
            })));
            computing.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 8; i++) {
                results.add(executor.submit(() -> cache.get("k", TTL, this::compute)));
            }
            Thread.sleep(100); // let the waiters reach the in-flight computation
            release.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("value-1");
            }
        }
        assertThat(computed).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
