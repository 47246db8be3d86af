package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Terminal terminal(boolean interactive) {
        return new Terminal(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                interactive);
    }

    @Test
    void forOptions_interactiveStderr_drawsOnStderrOnlyAndClearsTheLine() {
        try (ConsoleProgress progress = ConsoleProgress.forOptions(new GlobalOptions(), terminal(true))) {
            assertThat(progress.enabled()).isTrue();
            progress.phase("cataloging", 10);
            progress.advance(3);
        }

        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("\r\033[2Kcataloging 0/10")
                .endsWith("\r\033[2K");
        assertThat(out.size()).isZero();
    }

    @Test
    void forOptions_stderrNotATerminal_writesNothing() {
        try (ConsoleProgress progress = ConsoleProgress.forOptions(new GlobalOptions(), terminal(false))) {
            assertThat(progress.enabled()).isFalse();
            progress.phase("cataloging", 10);
            progress.advance(10);
        }

        assertThat(err.size()).isZero();
        assertThat(out.size()).isZero();
    }

    @Test
    void forOptions_quiet_writesNothing() {
        GlobalOptions quiet = new GlobalOptions();
        quiet.quiet = true;

        try (ConsoleProgress progress = ConsoleProgress.forOptions(quiet, terminal(true))) {
            assertThat(progress.enabled()).isFalse();
            progress.phase("cataloging", -1);
        }

        assertThat(err.size()).isZero();
    }

    @Test
    void forOptions_debug_writesNothingSoLogLinesStayReadable() {
        GlobalOptions debug = new GlobalOptions();
        debug.debug = true;

        try (ConsoleProgress progress = ConsoleProgress.forOptions(debug, terminal(true))) {
            assertThat(progress.enabled()).isFalse();
        }
    }

    @Test
    void advance_manyTimesQuickly_redrawsAtMostEveryTenthOfASecond() {
        try (ConsoleProgress progress = ConsoleProgress.forOptions(new GlobalOptions(), terminal(true))) {
            progress.phase("hashing", 1_000_000);
            for (int done = 1; done <= 100_000; done++) {
                progress.advance(done);
            }
        }

        long redraws = err.toString(StandardCharsets.UTF_8).split("\r", -1).length - 1;
        assertThat(redraws).isLessThan(100);
    }

    @Test
    void system_withoutLauncherProperty_isNotInteractive() {
        String previous = System.clearProperty("assay.stderr.tty");
        try {
            assertThat(Terminal.system().interactiveErr()).isFalse();
        } finally {
            if (previous != null) {
                System.setProperty("assay.stderr.tty", previous);
            }
        }
    }
}
