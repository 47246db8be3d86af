package dev.assay.server.portfolio.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReanalyzeAdvisoriesTest {
    @Test
    void json_roundTrips() throws Exception {
        ReanalyzeAdvisories change = new ReanalyzeAdvisories(
                "sha256:aa", Instant.parse("2026-12-01T00:00:00Z"), "sha256:bb", Instant.parse("2026-12-02T00:00:00Z"));

        assertThat(ReanalyzeAdvisories.fromJson(change.toJson())).isEqualTo(change);
        assertThat(change.dedupeKey()).isEqualTo("advisories.reanalyze:sha256:aa->sha256:bb");
    }

    @Test
    void fromJson_hostilePayloads_arePermanentFailures() {
        for (String payload : List.of(
                "",
                "{",
                "[]",
                "null",
                "{\"previousGeneration\":1}",
                "{\"previousGeneration\":\"a\",\"previousUpdatedAt\":\"yesterday\",\"generation\":\"b\",\"updatedAt\":\"2026-12-02T00:00:00Z\"}",
                "{\"previousGeneration\":\"a\",\"previousUpdatedAt\":\"2026-12-01T00:00:00Z\",\"generation\":\"b\"}",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")) {
            assertThatThrownBy(() -> ReanalyzeAdvisories.fromJson(payload))
                    .as(payload)
                    .isInstanceOf(PermanentJobFailureException.class);
        }
    }
}
