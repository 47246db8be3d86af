package dev.assay.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.admission.spi.CacheStatisticsSource;
import dev.assay.server.PrometheusTextParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void scrape_countersHistogramsAndSources_parseAsPrometheusText() {
        Metrics metrics = new Metrics();
        Counter counter =
                metrics.counter("test_requests_total", "Requests.\nSecond line \\ backslash.", "path", "code");
        Histogram histogram = metrics.histogram("test_seconds", "Latency.", new double[] {0.001, 0.01, 0.1}, "path");
        counter.inc("/a\"quoted\"", "200");
        counter.add(4, "/new\nline\\", "500");
        histogram.observe(0.0005, "/a");
        histogram.observe(0.001, "/a");
        histogram.observe(0.05, "/a");
        histogram.observe(7, "/a");
        AtomicLong hits = new AtomicLong(3);
        metrics.source(new CacheMetrics(List.of(
                CacheStatisticsSource.of("image-verification", hits::get, () -> 1),
                CacheStatisticsSource.of("cold", () -> 0, () -> 0))));

        List<PrometheusTextParser.Series> series = PrometheusTextParser.parse(metrics.scrape());

        assertThat(PrometheusTextParser.value(
                        series, "test_requests_total", Map.of("path", "/a\"quoted\"", "code", "200")))
                .isEqualTo(1);
        assertThat(PrometheusTextParser.value(
                        series, "test_requests_total", Map.of("path", "/new\nline\\", "code", "500")))
                .isEqualTo(4);
        assertThat(PrometheusTextParser.value(series, "test_seconds_bucket", Map.of("path", "/a", "le", "0.001")))
                .isEqualTo(2);
        assertThat(PrometheusTextParser.value(series, "test_seconds_bucket", Map.of("path", "/a", "le", "0.1")))
                .isEqualTo(3);
        assertThat(PrometheusTextParser.value(series, "test_seconds_bucket", Map.of("path", "/a", "le", "+Inf")))
                .isEqualTo(4);
        assertThat(PrometheusTextParser.value(series, "test_seconds_sum", Map.of("path", "/a")))
                .isCloseTo(7.0515, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PrometheusTextParser.value(series, "assay_cache_hit_ratio", Map.of("cache", "image-verification")))
                .isEqualTo(0.75);
        assertThat(PrometheusTextParser.value(series, "assay_cache_hit_ratio", Map.of("cache", "cold")))
                .isNaN();
        assertThat(PrometheusTextParser.value(series, "assay_cache_hits_total", Map.of("cache", "image-verification")))
                .isEqualTo(3);
    }

    @Test
    void scrape_failingOrClashingSource_isLeftOutWhileTheRestAnswers() {
        Metrics metrics = new Metrics();
        metrics.counter("test_total", "Test.").inc();
        metrics.source(families -> {
            throw new IllegalStateException("broken");
        });
        metrics.source(families -> families.gauge("test_total", "Same name as a counter.", List.of(Sample.of(1))));
        metrics.source(families -> families.gauge("test_ok", "Fine.", List.of(Sample.of(2))));

        List<PrometheusTextParser.Series> series = PrometheusTextParser.parse(metrics.scrape());

        assertThat(series).extracting(PrometheusTextParser.Series::name).containsExactly("test_total", "test_ok");
    }

    @Test
    void register_invalidNamesOrDuplicates_areRejected() {
        Metrics metrics = new Metrics();
        metrics.counter("ok_total", "Fine.");

        assertThatThrownBy(() -> metrics.counter("ok_total", "Again.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.counter("bad-name", "Dash.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.counter("x_total", "Label.", "le"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.counter("y_total", "Label.", "__reserved"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.histogram("h", "Bounds.", new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.counter("z_total", "One label.", "a").inc())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogram_concurrentObservations_keepCountAndBucketsConsistent() throws Exception {
        Metrics metrics = new Metrics();
        Histogram histogram = metrics.histogram("c_seconds", "Concurrent.", Histogram.LATENCY_SECONDS);
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (int thread = 0; thread < 4; thread++) {
                executor.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        histogram.observe(i % 100 / 10_000.0);
                        if (i % 1000 == 0) {
                            PrometheusTextParser.parse(metrics.scrape());
                        }
                    }
                });
            }
        }

        assertThat(histogram.count()).isEqualTo(40_000);
        assertThat(PrometheusTextParser.value(
                        PrometheusTextParser.parse(metrics.scrape()), "c_seconds_count", Map.of()))
                .isEqualTo(40_000);
    }
}
