package dev.assay.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration, in code and found through {@code ServiceLoader}, instead of a logback.xml:
 * parsing XML at every start costs tens of milliseconds that a small command cannot afford, and
 * logback's fallback would log to stdout, which carries the SBOM. Warnings and errors go to stderr.
 */
public final class StderrLogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        StderrAppender appender = new StderrAppender();
        appender.setContext(context);
        appender.setName(StderrAppender.NAME);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
