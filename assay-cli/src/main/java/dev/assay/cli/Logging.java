package dev.assay.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * Sets the log level from --quiet and --debug (warnings by default, errors only, or everything from Assay)
 * and sends log lines to this run's stderr.
 */
final class Logging {
    private Logging() {}

    static void configure(GlobalOptions options, PrintStream err) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        StderrAppender appender;
        if (root.getAppender(StderrAppender.NAME) instanceof StderrAppender installed) {
            appender = installed;
        } else {
            // Someone configured logback differently (a logback.xml on the class path): take over, since
            // the CLI's promise is that nothing but machine output reaches stdout.
            root.detachAndStopAllAppenders();
            appender = new StderrAppender();
            appender.setContext(context);
            appender.setName(StderrAppender.NAME);
            appender.start();
            root.addAppender(appender);
        }
        appender.redirect(err, options.debug);
        Logger assay = context.getLogger("dev.assay");
        if (options.debug) {
            assay.setLevel(Level.DEBUG);
            root.setLevel(Level.INFO);
        } else if (options.quiet) {
            assay.setLevel(Level.ERROR);
            root.setLevel(Level.ERROR);
        } else {
            assay.setLevel(Level.WARN);
            root.setLevel(Level.WARN);
        }
    }

    /**
     * A server logs what it does: one line per decision and its start and stop, at info, unless --quiet.
     * Helidon's own log joins the same stream at warning (info with --debug).
     */
    static void configureServer(GlobalOptions options) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (!options.quiet && !options.debug) {
            context.getLogger("dev.assay").setLevel(Level.INFO);
        }
        context.getLogger("io.helidon").setLevel(options.debug ? Level.INFO : Level.WARN);
        JdkLoggingBridge.install(options.debug);
    }
}
