package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
    void write_writerFailsHalfway_keepsThePreviousFileAndLeavesNoPartialFile() throws IOException {
        Path output = temp.resolve("bom.json");
        Files.writeString(output, "previous run");

        assertThatThrownBy(() -> OutputTarget.write(output, stdoutStream, out -> {
                    out.write("{\"half\":".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(output).hasContent("previous run");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(output);
        }
        assertThat(stdout.size()).isZero();
    }

    @Test
    void write_missingDirectory_isAnInputError() {
        Path output = temp.resolve("no/such/dir/bom.json");

        assertThatThrownBy(() -> OutputTarget.write(output, stdoutStream, out -> out.write('x')))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("output directory does not exist");
    }

    @Test
    void write_toAFifo_writesThroughItAndLeavesItAFifo() throws Exception {
        Path fifo = temp.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        OutputTarget.write(fifo, stdoutStream, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("{}");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readAttributes(
                                fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .isOther())
                .as("still a FIFO")
                .isTrue();
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    void write_toDevNull_leavesTheDeviceInPlace() throws IOException {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null device");

        OutputTarget.write(devNull, stdoutStream, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.size(devNull)).isZero();
    }

    @Test
    void write_toASymbolicLink_writesTheLinkedFileAndKeepsTheLink() throws IOException {
        Path target = temp.resolve("real.json");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(temp.resolve("bom.json"), target);

        OutputTarget.write(link, stdoutStream, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("{}");
    }

    @Test
    void write_newFileIsReadableByAll_replacedFileKeepsItsMode() throws IOException {
        Path fresh = temp.resolve("bom.json");
        Path restricted = temp.resolve("private.json");
        Files.writeString(restricted, "old");
        Files.setPosixFilePermissions(restricted, PosixFilePermissions.fromString("rw-------"));

        OutputTarget.write(fresh, stdoutStream, out -> out.write('a'));
        OutputTarget.write(restricted, stdoutStream, out -> out.write('b'));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restricted)))
                .isEqualTo("rw-------");
        assertThat(restricted).hasContent("b");
    }

    @Test
    void write_toADirectory_isAnInputError() {
        assertThatThrownBy(() -> OutputTarget.write(temp, stdoutStream, out -> out.write('x')))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a directory");
    }
}
