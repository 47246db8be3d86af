package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class StartupSettingsTest {
    @Test
    void apply_keepsAValueGivenOnTheCommandLine() {
        String before = System.getProperty("slf4j.internal.verbosity");
        System.setProperty("slf4j.internal.verbosity", "DEBUG");
        try {
            StartupSettings.apply();

            assertThat(System.getProperty("slf4j.internal.verbosity")).isEqualTo("DEBUG");
            assertThat(System.getProperty("picocli.disable.closures")).isEqualTo("true");
            assertThat(System.getProperty("slf4j.provider")).isEqualTo(StderrLogProvider.class.getName());
        } finally {
            if (before == null) {
                System.clearProperty("slf4j.internal.verbosity");
            } else {
                System.setProperty("slf4j.internal.verbosity", before);
            }
        }
    }

    @Test
    void stderrLogProvider_isLogbackWithTheStderrAppenderAtWarn() {
        StderrLogProvider provider = new StderrLogProvider();

        provider.initialize();

        LoggerContext context = (LoggerContext) provider.getLoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender(StderrAppender.NAME)).isInstanceOf(StderrAppender.class);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.isStarted()).isTrue();
        assertThat(provider.getMDCAdapter()).isNotNull();
        assertThat(provider.getMarkerFactory().getMarker("m").getName()).isEqualTo("m");
        assertThat(provider.getRequestedApiVersion()).startsWith("2.0");
    }

    @Test
    void processExit_aLiveNonDaemonThread_keepsTheProcessOnSystemExit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "left-running");
        worker.setDaemon(false);
        worker.start();
        try {
            assertThat(ProcessExit.otherThreadsKeepAlive()).isTrue();
        } finally {
            release.countDown();
            worker.join();
        }
    }
}
