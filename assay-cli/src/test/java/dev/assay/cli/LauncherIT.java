package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.engine.AssayVersion;
import dev.assay.testkit.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./assay} launcher, out of process, after {@code package}. It runs from a copy of the
 * checkout's launcher, jar and lib/ in a temporary directory, so that these tests can break its startup
 * cache without touching the build's own, and with {@code ASSAY_SKIP_BUILD=1} so that it can never start
 * a nested Maven build.
 */
class LauncherIT {
    private static final Path ROOT = ProjectRoot.require();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    static Path home;

    record Result(int exitCode, String out, String err) {}

    @BeforeAll
    static void copyLauncherAndJar() throws IOException {
        Files.copy(ROOT.resolve("assay"), home.resolve("assay"), StandardCopyOption.COPY_ATTRIBUTES);
        copyTree(ROOT.resolve("assay-cli/target/lib"), home.resolve("assay-cli/target/lib"));
        Files.copy(
                ROOT.resolve("assay-cli/target/assay.jar"),
                home.resolve("assay-cli/target/assay.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
        copyTree(ROOT.resolve("samples/webapp"), home.resolve("samples/webapp"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static Result launch(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().put("ASSAY_SKIP_BUILD", "1");
        builder.environment().remove("ASSAY_JAVA_OPTS");
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish: " + command);
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void launcher_version_printsVersionOnStdoutOnly() throws Exception {
        Result result = launch(home.resolve("assay"), "--version");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("assay " + AssayVersion.current() + "\nJava ");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void launcher_sbom_writesTheDocumentAndNothingOnStderr() throws Exception {
        Path output = home.resolve("webapp.cdx.json");

        Result result = launch(home.resolve("assay"), "sbom", "samples/webapp", "--output", output.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("\"bomFormat\" : \"CycloneDX\"");
    }

    @Test
    void launcher_sbomOfABrokenLockfile_warnsOnStderrThroughLogback() throws Exception {
        Path project = Files.createDirectories(home.resolve("broken-lockfile"));
        Files.writeString(project.resolve("package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": {");

        Result result = launch(home.resolve("assay"), "sbom", project.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).startsWith("assay: warning: ").contains("package-lock.json");
        assertThat(result.err()).doesNotContain("SLF4J");
        assertThat(result.out()).contains("\"bomFormat\"");
    }

    @Test
    void launcher_unknownFlag_exits2WithNothingOnStdout() throws Exception {
        Result result = launch(home.resolve("assay"), "sbom", "--bogus", ".");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("assay: Unknown option: '--bogus'");
    }

    @Test
    void launcher_nonexistentTarget_exits2() throws Exception {
        Result result =
                launch(home.resolve("assay"), "sbom", home.resolve("missing").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.err()).startsWith("assay: no such file, directory or image reference");
    }

    @Test
    void launcher_calledThroughASymlink_findsItsCheckout(@TempDir Path elsewhere) throws Exception {
        Path link = Files.createSymbolicLink(elsewhere.resolve("assay"), home.resolve("assay"));

        Result result = launch(link, "--version");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("assay ");
    }

    @Test
    void launcher_startupCacheFromAnotherJdk_isReplaced() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache exists from JDK 25 on");
        Path cache = home.resolve("assay-cli/target/assay.aot");
        Path key = home.resolve("assay-cli/target/assay.aot.key");
        Files.writeString(cache, "not a cache");
        Files.writeString(key, "/usr/lib/jvm/some-other-jdk 25.0.0+1\n");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(5)));

        Result result = launch(home.resolve("assay"), "--version");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEmpty();
        assertThat(Files.readString(key, StandardCharsets.UTF_8)).startsWith(JAVA_HOME + " " + Runtime.version());
        assertThat(Files.size(cache)).isGreaterThan(1_000_000L);
    }
}
