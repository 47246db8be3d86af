package dev.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {
    @TempDir
    Path root;

    @Test
    void compare_sameText_passes() throws IOException {
        Files.writeString(root.resolve("a.txt"), "same\n", StandardCharsets.UTF_8);

        Golden.compare(root, "a.txt", "same\n", UnaryOperator.identity(), false);
    }

    @Test
    void compare_differentText_failsNamingTheFileAndTheUpdateFlag() throws IOException {
        Files.writeString(root.resolve("a.txt"), "expected\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Golden.compare(root, "a.txt", "actual\n", UnaryOperator.identity(), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a.txt")
                .hasMessageContaining("-Dgolden.update=true");
    }

    @Test
    void compare_missingFile_failsInsteadOfCreatingIt() {
        assertThatThrownBy(() -> Golden.compare(root, "missing.txt", "x", UnaryOperator.identity(), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing golden file");
        assertThat(root.resolve("missing.txt")).doesNotExist();
    }

    @Test
    void compare_update_writesTheRedactedTextIntoSubdirectories() throws IOException {
        UnaryOperator<String> redaction = Golden.redacting("\\d{4}-\\d{2}-\\d{2}T[0-9:]+Z", "<timestamp>");

        Golden.compare(root, "json/b.json", "{\"at\": \"2026-03-02T10:00:00Z\"}", redaction, true);
        Golden.compare(root, "json/b.json", "{\"at\": \"2027-01-01T00:00:00Z\"}", redaction, false);

        assertThat(root.resolve("json/b.json")).hasContent("{\"at\": \"<timestamp>\"}");
    }

    @Test
    void compare_nameLeavingTheGoldenDirectory_isRefused() {
        assertThatThrownBy(() -> Golden.compare(root, "../escape.txt", "x", UnaryOperator.identity(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolveSibling("escape.txt")).doesNotExist();
    }
}
