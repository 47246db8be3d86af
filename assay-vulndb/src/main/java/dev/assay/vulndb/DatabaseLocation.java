package dev.assay.vulndb;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the advisory database lives when a command does not say: {@code --db}, then {@code ASSAY_DB},
 * then the user's cache directory ({@code $XDG_CACHE_HOME/assay/db} or {@code ~/.cache/assay/db};
 * {@code ~/Library/Caches/assay/db} on macOS; {@code %LOCALAPPDATA%\assay\db} on Windows). A cache, not
 * configuration: it can be deleted and rebuilt with {@code assay db update}.
 */
public final class DatabaseLocation {
    public static final String ENVIRONMENT_VARIABLE = "ASSAY_DB";

    private DatabaseLocation() {}

    /**
     * @param explicitDir the {@code --db} value, or null
     * @param env the process environment ({@code System.getenv()}), passed in so tests control it
     */
    public static Path resolve(String explicitDir, Map<String, String> env) {
        return resolve(explicitDir, env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** As {@link #resolve(String, Map)} for a given operating system name and home directory. */
    public static Path resolve(String explicitDir, Map<String, String> env, String osName, String userHome) {
        if (!isBlank(explicitDir)) {
            return Path.of(explicitDir);
        }
        String fromEnvironment = env.get(ENVIRONMENT_VARIABLE);
        if (!isBlank(fromEnvironment)) {
            return Path.of(fromEnvironment);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = !isBlank(localAppData) ? Path.of(localAppData) : Path.of(userHome, "AppData", "Local");
            return base.resolve("assay").resolve("db");
        }
        // The XDG base directory specification says a relative value is invalid and must be ignored.
        String xdg = env.get("XDG_CACHE_HOME");
        if (!isBlank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "assay", "db");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Caches", "assay", "db");
        }
        return Path.of(userHome, ".cache", "assay", "db");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
