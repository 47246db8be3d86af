package dev.assay.cli;

import dev.assay.server.portfolio.auth.ApiKey;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.CreatedApiKey;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.io.PrintStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** Runs {@code assay server keys ...}; the only place besides ServerLauncher that names the auth classes. */
final class ServerKeysLauncher {
    private ServerKeysLauncher() {}

    static int create(ServerKeysCommand.Create command, Terminal terminal) {
        Set<Scope> scopes = Scope.parseList(command.scopes);
        try (PortfolioDatabase database = PortfolioStorage.open(command.storage, System.getenv())) {
            CreatedApiKey created = new ApiKeys(database, Clock.systemUTC()).create(command.name, scopes, actor());
            // stdout carries only the key, so that `KEY=$(assay server keys create ...)` works.
            terminal.out().println(created.secret());
            LoggerFactory.getLogger(ServerKeysLauncher.class)
                    .info(
                            "created the API key '{}' with scope {}; it is shown only this once",
                            created.key().name(),
                            Scope.format(scopes));
        }
        return ExitCodes.OK;
    }

    static int list(ServerKeysCommand.ListKeys command, Terminal terminal) {
        List<ApiKey> keys;
        try (PortfolioDatabase database = PortfolioStorage.open(command.storage, System.getenv())) {
            keys = new ApiKeys(database, Clock.systemUTC()).list();
        }
        PrintStream out = terminal.out();
        out.printf(Locale.ROOT, "%-24s %-20s %-22s %-22s %-22s%n", "NAME", "SCOPES", "CREATED", "LAST USED", "REVOKED");
        for (ApiKey key : keys) {
            out.printf(
                    Locale.ROOT,
                    "%-24s %-20s %-22s %-22s %-22s%n",
                    key.name(),
                    Scope.format(key.scopes()),
                    time(Optional.of(key.createdAt())),
                    time(key.lastUsedAt()),
                    time(key.revokedAt()));
        }
        return ExitCodes.OK;
    }

    static int revoke(ServerKeysCommand.Revoke command, Terminal terminal) {
        boolean revoked;
        try (PortfolioDatabase database = PortfolioStorage.open(command.storage, System.getenv())) {
            revoked = new ApiKeys(database, Clock.systemUTC()).revoke(command.name, actor());
        }
        LoggerFactory.getLogger(ServerKeysLauncher.class)
                .info(revoked ? "revoked the API key '{}'" : "the API key '{}' was already revoked", command.name);
        return ExitCodes.OK;
    }

    /** Who did it, for the audit log: keys are managed outside the API, by whoever can reach the database. */
    private static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    private static String time(Optional<OffsetDateTime> time) {
        return time.map(value -> value.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .orElse("-");
    }
}
