package dev.assay.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends java.util.logging records (Helidon logs through System.Logger, which the JDK backs with it) to
 * slf4j, so that the server's log is one stream in one format on stderr. Installed only by {@code assay
 * server}; other commands never touch java.util.logging.
 */
final class JdkLoggingBridge extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    static void install(boolean debug) {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new JdkLoggingBridge());
        // Helidon guards its per-request tracing with isLoggable(FINE): keep that a cheap "no".
        root.setLevel(debug ? Level.INFO : Level.WARNING);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        Logger logger =
                LoggerFactory.getLogger(record.getLoggerName() == null ? "java.util.logging" : record.getLoggerName());
        String message = formatter.formatMessage(record);
        int level = record.getLevel().intValue();
        Throwable thrown = record.getThrown();
        if (level >= Level.SEVERE.intValue()) {
            logger.error(message, thrown);
        } else if (level >= Level.WARNING.intValue()) {
            logger.warn(message, thrown);
        } else if (level >= Level.INFO.intValue()) {
            logger.info(message, thrown);
        } else {
            logger.debug(message, thrown);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
