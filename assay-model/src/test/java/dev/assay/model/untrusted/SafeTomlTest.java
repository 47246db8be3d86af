package dev.assay.model.untrusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.UnableToParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeTomlTest {
    @Test
    void load_lockfileShapes_becomePlainMapsListsAndScalars_datesStayText() {
        String toml = """
                version = 4

                [[package]]
                name = "serde"
                version = "1.0.219"
                dependencies = ["serde_derive 1.0.219", "itoa"]
                yanked = false
                files = [{file = "serde.whl", hash = "sha256:ab"}]

                [[package]]
                name = "itoa"
                version = "1.0.15"

                [metadata]
                "checksum itoa 1.0.15 (registry+https://github.com/rust-lang/crates.io-index)" = "4a"
                generated = 2026-12-04T10:00:00Z
                ratio = 0.5
                """;

        Map<String, Object> document = SafeToml.load(toml, "Cargo.lock");

        assertThat(document.get("version")).isInstanceOf(Number.class).hasToString("4");
        assertThat(document.get("package"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> serde = ((List<Map<String, Object>>) document.get("package")).get(0);
        assertThat(serde)
                .containsEntry("name", "serde")
                .containsEntry("dependencies", List.of("serde_derive 1.0.219", "itoa"))
                .containsEntry("yanked", false)
                .containsEntry("files", List.of(Map.of("file", "serde.whl", "hash", "sha256:ab")));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) document.get("metadata");
        assertThat(metadata)
                .containsEntry("checksum itoa 1.0.15 (registry+https://github.com/rust-lang/crates.io-index)", "4a");
        assertThat(((Number) metadata.get("ratio")).doubleValue()).isEqualTo(0.5);
        assertThat(metadata.get("generated"))
                .isInstanceOf(String.class)
                .asString()
                .startsWith("2026-12-04");
    }

    @Test
    void load_emptyText_isAnEmptyTable() {
        assertThat(SafeToml.load("", "poetry.lock")).isEmpty();
        assertThat(SafeToml.load("# only a comment\n", "poetry.lock")).isEmpty();
    }

    @Test
    void load_invalidOrTruncated_isATypedErrorNamingTheFile() {
        for (String bad : List.of("[[package]\nname = ", "a = \"unterminated", "a = 1\na = 2", "= 3", "a = [1, 2")) {
            assertThatThrownBy(() -> SafeToml.load(bad, "uv.lock"))
                    .as(bad)
                    .isInstanceOf(UnableToParseException.class)
                    .hasMessageContaining("uv.lock");
        }
    }

    @Test
    void load_deepNesting_isRefusedWithoutOverflowingTheStack() {
        for (int depth : new int[] {SafeToml.MAX_DEPTH + 5, 100_000}) {
            String arrays = "a = " + "[".repeat(depth) + "]".repeat(depth);
            String tables = "a = " + "{b = ".repeat(depth) + "1" + "}".repeat(depth);
            for (String hostile : List.of(arrays, tables)) {
                assertThatThrownBy(() -> SafeToml.load(hostile, "Cargo.lock"))
                        .isInstanceOf(UnableToParseException.class)
                        .hasMessageContaining("Cargo.lock");
            }
        }
    }

    @Test
    void load_nestingWithinTheLimit_isRead() {
        String nested = "a = " + "[".repeat(20) + "1" + "]".repeat(20);

        assertThat(SafeToml.load(nested, "pyproject.toml")).containsKey("a");
    }
}
