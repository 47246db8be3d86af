package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Sbom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 10,000-component inventory writes in every format and reads back whole. The timing check is opt-in
 * ({@code -Dassay.timing=true}) because the build machines are shared; benchmarks proper belong in
 * assay-bench.
 */
class LargeSbomWriteTest {
    private static final Sbom LARGE = SampleSboms.random(42, 10_000);

    @ParameterizedTest
    @EnumSource(SbomFormat.class)
    void write_tenThousandComponents_readsBackWhole(SbomFormat format) {
        byte[] written = Codec.write(LARGE, format, null, true, Map.of());

        Sbom read = SbomCodecs.read(written, "large");

        assertThat(read.components()).hasSize(10_000);
        assertThat(read.relationships()).hasSameSizeAs(Set.copyOf(LARGE.relationships()));
    }

    @Test
    @EnabledIfSystemProperty(named = "assay.timing", matches = "true")
    void write_tenThousandComponents_takesWellUnderASecond() {
        for (SbomFormat format : SbomFormat.values()) {
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                Codec.write(LARGE, format, null, true, Map.of());
            }
            long start = System.nanoTime();
            byte[] written = Codec.write(LARGE, format, null, true, Map.of());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%s: %d ms, %d bytes%n", format.cliName(), millis, written.length);
            assertThat(millis).as(format.cliName()).isLessThan(1000);
        }
    }

    private static final class Set {
        static java.util.Set<Object> copyOf(java.util.Collection<?> values) {
            return java.util.Set.copyOf(values);
        }
    }
}
