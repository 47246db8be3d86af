package dev.assay.engine;

import dev.assay.model.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Assay's own version, stamped into the build. */
public final class AssayVersion {
    private static final String VERSION = load();

    private AssayVersion() {}

    public static String current() {
        return VERSION;
    }

    public static Tool tool() {
        return new Tool("Assay", "assay", VERSION);
    }

    private static String load() {
        try (InputStream stream = AssayVersion.class.getResourceAsStream("/dev/assay/engine/version.properties")) {
            if (stream == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(stream);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
