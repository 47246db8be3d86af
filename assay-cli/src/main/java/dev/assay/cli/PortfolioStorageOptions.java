package dev.assay.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the portfolio lives: an embedded database under the data directory (the default), or a JDBC URL
 * ({@code --db-url} or {@code ASSAY_DB_URL}, with {@code ASSAY_DB_USER} and {@code ASSAY_DB_PASSWORD}); the
 * key that seals stored secrets comes from {@code ASSAY_SECRET_KEY} (see PortfolioStorage).
 * Shared by {@code assay server} and {@code assay server keys}, so both open the same database.
 */
final class PortfolioStorageOptions {
    static final String URL_VARIABLE = "ASSAY_DB_URL";
    static final String USER_VARIABLE = "ASSAY_DB_USER";
    static final String PASSWORD_VARIABLE = "ASSAY_DB_PASSWORD";

    @Option(
            names = "--db-url",
            paramLabel = "URL",
            description = "Portfolio database, e.g. jdbc:postgresql://db:5432/assay (default: $ASSAY_DB_URL, else an "
                    + "embedded database under --data-dir). Credentials: $ASSAY_DB_USER and $ASSAY_DB_PASSWORD. "
                    + "Webhook secrets are stored encrypted with $ASSAY_SECRET_KEY (32 bytes, base64; the embedded "
                    + "database makes its own key when none is set).")
    String dbUrl;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Directory of the embedded database and the initial admin key (default: "
                    + "$XDG_DATA_HOME/assay/server, else ~/.local/share/assay/server).")
    Path dataDir;

    /** The JDBC URL to use, or empty for the embedded database. */
    Optional<String> jdbcUrl(Map<String, String> environment) {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return Optional.of(dbUrl.strip());
        }
        return Optional.ofNullable(environment.get(URL_VARIABLE))
                .map(String::strip)
                .filter(url -> !url.isEmpty());
    }

    Path dataDir(Map<String, String> environment) {
        if (dataDir != null) {
            return dataDir.toAbsolutePath();
        }
        return defaultDataDir(environment, Path.of(System.getProperty("user.home")));
    }

    static Path defaultDataDir(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG base-directory rule: a relative XDG_DATA_HOME is invalid and ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "assay", "server");
        }
        return home.resolve(".local/share/assay/server");
    }
}
