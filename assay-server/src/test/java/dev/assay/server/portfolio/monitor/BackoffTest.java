package dev.assay.server.portfolio.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void ceiling_doublesUpToTheMaximum() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void delay_isJitteredBetweenHalfAndFullCeiling() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int attempt = 1; attempt < 12; attempt++) {
            for (int i = 0; i < 100; i++) {
                Duration delay = backoff.delay(attempt, random);
                assertThat(delay)
                        .isGreaterThanOrEqualTo(backoff.ceiling(attempt).dividedBy(2))
                        .isLessThanOrEqualTo(backoff.ceiling(attempt));
            }
        }
    }

    @Test
    void constructor_refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
