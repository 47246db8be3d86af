package dev.assay.cli;

import dev.assay.engine.AssayVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints Assay's version and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "assay " + AssayVersion.current(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }
}
