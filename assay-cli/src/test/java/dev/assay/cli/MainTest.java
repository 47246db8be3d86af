package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AssayVersion;
import dev.assay.model.NoVerdictException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
    @TempDir
    Path temp;

    @Test
    void run_help_printsUsageAndExitCodeTableOnStdout() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("Usage: assay ")
                .contains("sbom", "--output=FILE", "--quiet", "--debug")
                .contains("Exit codes:")
                .containsPattern("(?m)^  0 +completed")
                .containsPattern("(?m)^  1 +findings at or above --fail-on")
                .containsPattern("(?m)^  2 +usage or input error")
                .containsPattern("(?m)^  3 +no verdict possible")
                .containsPattern("(?m)^  70 +internal error");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void run_version_printsAssayAndJavaVersions() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines())
                .containsExactly(
                        "assay " + AssayVersion.current(),
                        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void run_sbomHelp_showsExamplesAndFormats() {
        CliRun run = CliRun.of("sbom", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("Usage: assay sbom ")
                .contains("Examples:", "  assay sbom .", "--format spdx-json", "--rootfs")
                .contains("Formats: cyclonedx-json (default), cyclonedx-xml, spdx-json.");
    }

    @Test
    void run_convertHelp_showsExamples() {
        CliRun run = CliRun.of("sbom", "convert", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("Usage: assay sbom convert ")
                .contains("Examples:", "assay sbom convert bom.json");
    }

    @Test
    void run_noSubcommand_printsUsageOnStderrAndExits2() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Usage: assay ");
    }

    @Test
    void run_unknownFlag_exits2WithMessageAndHint() {
        CliRun run = CliRun.of("sbom", "--bogus", ".");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .containsExactly("assay: Unknown option: '--bogus'", "Try 'assay sbom --help' for more information.");
    }

    @Test
    void run_unknownSubcommand_exits2() {
        CliRun run = CliRun.of("sbomz", ".");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("Unmatched arguments").contains("Try 'assay --help'");
    }

    @Test
    void run_missingTarget_exits2WithOneLine() {
        CliRun run = CliRun.of("sbom");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().startsWith("assay: missing TARGET");
    }

    @Test
    void run_targetAndRootfsTogether_exits2() {
        CliRun run = CliRun.of("sbom", temp.toString(), "--rootfs", temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("either TARGET or --rootfs");
    }

    @Test
    void run_nonexistentPath_exits2WithOneLineAndNoStack() {
        String missing = temp.resolve("does-not-exist").toString();

        CliRun run = CliRun.of("sbom", missing);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("assay: no such file, directory or image reference: " + missing);
    }

    @Test
    void run_nonexistentPathWithDebug_showsStackTrace() {
        CliRun run = CliRun.of("sbom", temp.resolve("does-not-exist").toString(), "--debug");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err())
                .contains("dev.assay.model.InvalidInputException: no such file")
                .containsPattern("(?m)^\\tat dev\\.assay\\.");
    }

    @Test
    void run_debugBeforeSubcommand_appliesToIt() {
        CliRun run = CliRun.of("--debug", "sbom", temp.resolve("does-not-exist").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).containsPattern("(?m)^\\tat dev\\.assay\\.");
    }

    @Test
    void run_unknownFormat_exits2() {
        CliRun run = CliRun.of("sbom", temp.toString(), "--format", "cyclonedx-yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("unknown SBOM format 'cyclonedx-yaml'", "cyclonedx-json");
    }

    @Test
    void run_badNumber_exits2() {
        CliRun run = CliRun.of("sbom", temp.toString(), "--max-file-size", "lots");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--max-file-size");
    }

    @Test
    void run_convertWithoutFormat_exits2() {
        CliRun run = CliRun.of("sbom", "convert", temp.resolve("bom.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("missing --format");
    }

    @Test
    void run_convertNonexistentInput_exits2() {
        String missing = temp.resolve("bom.json").toString();

        CliRun run = CliRun.of("sbom", "convert", missing, "--format", "spdx-json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err().lines()).containsExactly("assay: no such file: " + missing);
    }

    @Test
    void run_failingRunWithOutput_leavesNoFileAndNothingOnStdout() throws Exception {
        Path output = temp.resolve("bom.json");

        CliRun run = CliRun.of("sbom", temp.resolve("does-not-exist").toString(), "--output", output.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void run_bugInACommand_exits70WithOneLine() {
        CliRun run = CliRun.of(MainTest::addExplodingCommand, "explode");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .containsExactly("assay: internal error: java.lang.IllegalStateException: boom"
                        + " (this is a bug; rerun with --debug and report it)");
    }

    @Test
    void run_bugInACommandWithDebug_showsStackTrace() {
        CliRun run = CliRun.of(MainTest::addExplodingCommand, "--debug", "explode");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(run.err())
                .contains("java.lang.IllegalStateException: boom")
                .contains("\tat dev.assay.cli.MainTest$ExplodingCommand.call");
    }

    @Test
    void run_typedNoVerdictError_exits3() {
        CliRun run = CliRun.of(
                commandLine -> commandLine.addSubcommand("unreachable", new UnreachableCommand()), "unreachable");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_VERDICT);
        assertThat(run.err().lines())
                .containsExactly("assay: registry unreachable: 127.0.0.1:9 (is the registry running?)");
    }

    @Test
    void run_withGivenStreams_writesNothingToTheProcessStreams() {
        PrintStream processOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exitCode = Main.run(
                    new String[] {"--version"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exitCode).isEqualTo(ExitCodes.OK);
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("assay ");
        } finally {
            System.setOut(processOut);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static void addExplodingCommand(CommandLine commandLine) {
        commandLine.addSubcommand("explode", new ExplodingCommand());
    }

    /** A command with a bug: what the user sees when Assay itself is broken. */
    @Command(name = "explode")
    static final class ExplodingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    @Command(name = "unreachable")
    static final class UnreachableCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NoVerdictException(
                    "registry unreachable: 127.0.0.1:9", "127.0.0.1:9", "is the registry running?", null);
        }
    }
}
