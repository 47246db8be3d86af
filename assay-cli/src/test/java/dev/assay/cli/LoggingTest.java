package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Logger log = LoggerFactory.getLogger("dev.assay.catalog.SomeCataloger");

    @AfterEach
    void restoreDefaults() {
        Logging.configure(new GlobalOptions(), System.err);
    }

    private String logEverything(GlobalOptions options) {
        Logging.configure(options, new PrintStream(err, true, StandardCharsets.UTF_8));
        log.debug("debug detail");
        log.info("info detail");
        log.warn("could not read {}: {}", "a/package-lock.json", "truncated");
        log.error("failed", new IOException("disk gone"));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void configure_defaults_showsWarningsAndErrorsAsOneLineEach() {
        String logged = logEverything(new GlobalOptions());

        assertThat(logged.lines())
                .containsExactly(
                        "assay: warning: could not read a/package-lock.json: truncated",
                        "assay: error: failed: disk gone");
    }

    @Test
    void configure_quiet_showsOnlyErrors() {
        GlobalOptions quiet = new GlobalOptions();
        quiet.quiet = true;

        String logged = logEverything(quiet);

        assertThat(logged.lines()).containsExactly("assay: error: failed: disk gone");
    }

    @Test
    void configure_debug_showsEverythingWithStacks() {
        GlobalOptions debug = new GlobalOptions();
        debug.debug = true;

        String logged = logEverything(debug);

        assertThat(logged)
                .contains("assay: debug: [SomeCataloger] debug detail")
                .contains("assay: info: [SomeCataloger] info detail")
                .contains("assay: warning: could not read a/package-lock.json: truncated")
                .contains("assay: error: failed\n")
                .contains("java.io.IOException: disk gone")
                .containsPattern("(?m)^\\s+at dev\\.assay\\.cli\\.LoggingTest");
    }

    @Test
    void logging_beforeConfigure_goesToStderrNotStdout() {
        // The ServiceLoader configurator installs the stderr appender at logback's start: stdout carries SBOMs.
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

        assertThat(root.getAppender(StderrAppender.NAME)).isInstanceOf(StderrAppender.class);
        assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
    }
}
