package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final PrintStream stdoutStream = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    @Test
    void write_toFile_writesTheFileAndNothingOnStdout() throws IOException {
        Path output = temp.resolve("bom.json");

        OutputTarget.write(output, stdoutStream, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(output).hasContent("{}");
        assertThat(stdout.size()).isZero();
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(output);
        }
    }

    @Test
    void write_noOutputOrDash_writesToStdout() throws IOException {
        OutputTarget.write(null, stdoutStream, out -> out.write('a'));
        OutputTarget.write(Path.of("-"), stdoutStream, out -> out.write('b'));

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("ab");
    }

    @Test
    void write_missingDirectory_isAnInputError() {
        Path output = temp.resolve("no/such/dir/bom.json");

        assertThatThrownBy(() -> OutputTarget.write(output, stdoutStream, out -> out.write('x')))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("output directory does not exist");
    }

    @Test
    void write_toADirectory_isAnInputError() {
        assertThatThrownBy(() -> OutputTarget.write(temp, stdoutStream, out -> out.write('x')))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a directory");
    }
}
