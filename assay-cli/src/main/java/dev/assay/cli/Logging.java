package dev.assay.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the log level from --quiet and --debug: warnings by default, errors only, or everything. */
final class Logging {
    private Logging() {}

    static void configure(GlobalOptions options) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger assay = (Logger) LoggerFactory.getLogger("dev.assay");
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
}
