package dev.assay.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Writes each log event as one plain line on stderr: {@code assay: warning: could not read x: why}. Stack
 * traces of logged exceptions appear only with --debug; otherwise their message is appended to the line.
 */
final class StderrAppender extends AppenderBase<ILoggingEvent> {
    static final String NAME = "assay-stderr";

    private volatile PrintStream err = System.err;
    private volatile boolean stackTraces;

    /** Points the appender at this run's stderr (tests capture it) and decides whether stacks are shown. */
    void redirect(PrintStream err, boolean stackTraces) {
        this.err = err;
        this.stackTraces = stackTraces;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder("assay: ").append(label(event.getLevel()));
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            line.append('[').append(shortName(event.getLoggerName())).append("] ");
        }
        line.append(event.getFormattedMessage());
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null && !stackTraces) {
            line.append(": ").append(throwable.getMessage());
        }
        PrintStream target = err;
        synchronized (target) {
            target.println(line);
            if (throwable != null && stackTraces) {
                target.print(ThrowableProxyUtil.asString(throwable));
                target.println();
            }
            target.flush();
        }
    }

    private static String label(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "error: ";
            case Level.WARN_INT -> "warning: ";
            default -> level.toString().toLowerCase(Locale.ROOT) + ": ";
        };
    }

    private static String shortName(String loggerName) {
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }
}
