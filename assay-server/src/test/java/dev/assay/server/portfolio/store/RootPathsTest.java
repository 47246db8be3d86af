package dev.assay.server.portfolio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RootPathsTest {
    @Test
    void shortest_diamond_takesTheShorterBranchFromTheSubject() {
        Map<String, Set<String>> edges = Map.of(
                "app", Set.of("web", "leaf"),
                "web", Set.of("core"),
                "core", Set.of("leaf"));

        Map<String, String> paths = RootPaths.shortest(List.of("app", "web", "core", "leaf"), edges, "app");

        assertThat(RootPaths.read(paths.get("leaf"))).containsExactly("app", "leaf");
        assertThat(RootPaths.read(paths.get("core"))).containsExactly("app", "web", "core");
        assertThat(RootPaths.read(paths.get("app"))).containsExactly("app");
    }

    @Test
    void shortest_nodesOnlyInACycle_haveNoPath_andAnotherRootIsItsOwnPath() {
        Map<String, Set<String>> edges = Map.of("a", Set.of("b"), "b", Set.of("a"));

        Map<String, String> paths = RootPaths.shortest(List.of("app", "a", "b", "tool"), edges, "app");

        assertThat(paths).containsOnlyKeys("app", "tool");
        assertThat(RootPaths.read(paths.get("tool"))).containsExactly("tool");
    }

    @Test
    void shortest_pathLongerThanTheColumn_isLeftForTheWalk() {
        String deep = "x".repeat(3000);
        Map<String, Set<String>> edges =
                Map.of("app", Set.of(deep + 1), deep + 1, Set.of(deep + 2), deep + 2, Set.of(deep + 3));

        Map<String, String> paths = RootPaths.shortest(List.of("app", deep + 1, deep + 2, deep + 3), edges, "app");

        assertThat(paths).containsKeys("app", deep + 1, deep + 2).doesNotContainKey(deep + 3);
    }
}
