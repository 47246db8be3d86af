package dev.assay.server.portfolio.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    private static final Map<Long, String> PURLS = Map.of(1L, "app", 2L, "a", 3L, "b", 4L, "leaf", 5L, "orphan");

    @Test
    void pathsTo_diamond_returnsBothRoutesShortestFirstFromTheSubject() {
        DependencyGraph graph = new DependencyGraph(
                List.of(new long[] {1, 2}, new long[] {1, 3}, new long[] {2, 3}, new long[] {3, 4}, new long[] {2, 4}),
                PURLS,
                Set.of(1L));

        assertThat(graph.pathsTo(4, 5, 16))
                .containsExactly(
                        List.of("app", "a", "leaf"), List.of("app", "b", "leaf"), List.of("app", "a", "b", "leaf"));
        assertThat(graph.pathsTo(4, 1, 16)).hasSize(1);
        assertThat(graph.pathsTo(4, 5, 2)).isEmpty();
    }

    @Test
    void pathsTo_cycle_terminatesAndWithoutEdges_isEmpty() {
        DependencyGraph graph = new DependencyGraph(
                List.of(new long[] {1, 2}, new long[] {2, 3}, new long[] {3, 2}, new long[] {3, 4}), PURLS, Set.of(1L));

        assertThat(graph.pathsTo(4, 5, 16)).containsExactly(List.of("app", "a", "b", "leaf"));
        assertThat(graph.pathsTo(5, 5, 16)).isEmpty();
    }
}
