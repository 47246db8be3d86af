package dev.assay.model.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplacementTest {
    @TempDir
    Path temp;

    @Test
    void write_newFile_writesItAndLeavesNothingElse() throws IOException {
        Path output = temp.resolve("bom.json");

        FileReplacement.write(output, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(output).hasContent("{}");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(output);
        }
    }

    @Test
    void write_writerFailsHalfway_keepsThePreviousFileAndLeavesNoPartialFile() throws IOException {
        Path output = temp.resolve("bom.json");
        Files.writeString(output, "previous run");

        assertThatThrownBy(() -> FileReplacement.write(output, out -> {
                    out.write("{\"half\":".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(output).hasContent("previous run");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(output);
        }
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

        FileReplacement.write(fifo, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

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

        FileReplacement.write(devNull, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.size(devNull)).isZero();
    }

    @Test
    void write_toASymbolicLink_writesTheLinkedFileAndKeepsTheLink() throws IOException {
        Path target = temp.resolve("real.json");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(temp.resolve("bom.json"), target);

        FileReplacement.write(link, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("{}");
    }

    @Test
    void write_newFileIsReadableByAll_replacedFileKeepsItsMode() throws IOException {
        Path fresh = temp.resolve("bom.json");
        Path restricted = temp.resolve("private.json");
        Files.writeString(restricted, "old");
        Files.setPosixFilePermissions(restricted, PosixFilePermissions.fromString("rw-------"));

        FileReplacement.write(fresh, out -> out.write('a'));
        FileReplacement.write(restricted, out -> out.write('b'));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restricted)))
                .isEqualTo("rw-------");
        assertThat(restricted).hasContent("b");
    }

    @Test
    void write_toADirectory_isRefusedAndLeavesItAlone() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("out"));

        assertThatThrownBy(() -> FileReplacement.write(directory, out -> out.write('x')))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a directory");
        assertThat(Files.isDirectory(directory)).isTrue();
    }
}
