package dev.assay.server.portfolio.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The portfolio's database: an H2 file under the data directory when nothing else is configured (no
 * set-up at all), or PostgreSQL from a JDBC URL when several instances share one. Both run the same
 * Flyway migrations, so everything above this class sees one schema.
 */
public final class PortfolioDatabase implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:db/portfolio";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final SecretSealer secrets;

    /** Which engine is behind the URL; the SQL is shared, but a few tuning choices are not. */
    public enum Dialect {
        H2,
        POSTGRESQL
    }

    private PortfolioDatabase(HikariDataSource dataSource, Dialect dialect, SecretSealer secrets) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.secrets = secrets;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Opens (creating if needed) the embedded database {@code portfolio.mv.db} under {@code dataDir}. The
     * directory is the owner's alone, and the database has a password of its own (kept in the directory),
     * because its TCP listener on loopback is reachable by every local user.
     */
    public static PortfolioDatabase embedded(Path dataDir) {
        return embedded(dataDir, null, null);
    }

    /**
     * As {@link #embedded(Path)}, sealing secrets with {@code secretKey} (base64, see {@link SecretSealer})
     * and opening also what {@code previousKey} sealed (a key rotation; may be null). Without a key, with
     * one made on first use and kept in the directory beside the database password, so that a copy of the
     * database file alone does not carry them in the clear.
     */
    public static PortfolioDatabase embedded(Path dataDir, String secretKey, String previousKey) {
        String password;
        SecretSealer sealer;
        try {
            createPrivateDirectory(dataDir);
            password = ownerOnlyRandomFile(dataDir, "database-password", 24, HexFormat.of()::formatHex);
            sealer = SecretSealer.fromBase64(
                    secretKey != null
                            ? secretKey
                            : ownerOnlyRandomFile(
                                    dataDir, "secret-key", SecretSealer.KEY_BYTES, Base64.getEncoder()::encodeToString),
                    previousKey);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot use the data directory " + dataDir + ": " + e.getMessage(), dataDir.toString(), e);
        }
        // H2 reads its listener address from a system property only; never listen on every interface.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        // PostgreSQL mode keeps H2's SQL close to what production PostgreSQL accepts; lower-case names
        // match PostgreSQL's folding, so the same queries name the same columns on both.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("portfolio")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // A second process (`assay server keys create` while the server runs) connects through the
                // first one's TCP listener on loopback instead of failing on the file lock.
                + ";AUTO_SERVER=TRUE"
                // H2 otherwise writes committed transactions up to 500 ms later: a killed server would lose
                // uploads it had already acknowledged.
                + ";WRITE_DELAY=0"
                // Concurrent uploads to one version wait for each other (SELECT ... FOR UPDATE); a large SBOM
                // takes seconds to write, far beyond H2's default of one second, after which it gives up.
                + ";LOCK_TIMEOUT=60000";
        return open(url, "assay", password, sealer);
    }

    private static void createPrivateDirectory(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * A random value kept in {@code dataDir/name} (the database password, the secret key), made on first use
     * and read back afterwards.
     */
    private static String ownerOnlyRandomFile(
            Path dataDir, String name, int randomBytes, java.util.function.Function<byte[], String> encoding)
            throws IOException {
        Path file = dataDir.resolve(name);
        if (!Files.exists(file)) {
            byte[] secret = new byte[randomBytes];
            new SecureRandom().nextBytes(secret);
            // Written aside (createTempFile makes it owner-only) and linked into place, so that a second
            // process starting at the same moment reads either nothing or the whole value, never half.
            Path written = Files.createTempFile(dataDir, name, ".tmp");
            try {
                Files.writeString(written, encoding.apply(secret), StandardCharsets.US_ASCII);
                Files.createLink(file, written);
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first; use theirs.
            } finally {
                Files.deleteIfExists(written);
            }
        }
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (value.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return value;
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:h2:...}), keeping
     * secrets as given: see {@link #open(String, String, String, SecretSealer)}.
     */
    public static PortfolioDatabase open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, SecretSealer.none());
    }

    /** Opens the database at a JDBC URL, sealing the secrets it stores with {@code secrets}. */
    public static PortfolioDatabase open(String jdbcUrl, String user, String password, SecretSealer secrets) {
        Dialect dialect = dialectOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("assay-portfolio");
        config.setMaximumPoolSize(16);
        if (dialect == Dialect.POSTGRESQL) {
            // Lets the driver send a batch of INSERTs as multi-row statements: an order of magnitude fewer
            // round trips when a 1,000-component SBOM is ingested.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot connect to the portfolio database " + redact(jdbcUrl) + ": " + rootMessage(e),
                    redact(jdbcUrl),
                    e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot migrate the portfolio database " + redact(jdbcUrl) + ": " + rootMessage(e),
                    redact(jdbcUrl),
                    e);
        }
        return new PortfolioDatabase(dataSource, dialect, secrets);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** How secrets this database stores (webhook secrets) are sealed at rest. */
    public SecretSealer secrets() {
        return secrets;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static Dialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Dialect.H2;
        }
        throw new InvalidInputException(
                "unsupported database URL " + redact(jdbcUrl) + "; expected jdbc:postgresql://HOST/DB or jdbc:h2:...",
                redact(jdbcUrl));
    }

    /** JDBC URLs may carry {@code password=...}; never let one reach a log line or an error message. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
