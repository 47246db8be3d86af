package dev.assay.cli;

/**
 * Library settings that spare every run work it does not need, applied before the first command line is
 * built. Each one avoids a lookup that misses on Assay's class path and, by missing, opens all of its jars:
 * picocli probing for Groovy closures, and SLF4J and logback searching for their bindings with
 * {@code ServiceLoader}. A value set on the command line ({@code -D}) is left alone.
 */
final class StartupSettings {
    private StartupSettings() {}

    static void apply() {
        setUnlessGiven("picocli.disable.closures", "true");
        setUnlessGiven("slf4j.provider", StderrLogProvider.class.getName());
        // SLF4J reports the explicit choice on stderr at its info level; only its warnings concern users.
        setUnlessGiven("slf4j.internal.verbosity", "WARN");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
