package dev.assay.cli;

import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the portfolio database the storage flags name. Server classes: loaded only by server commands. */
final class PortfolioStorage {
    private PortfolioStorage() {}

    static PortfolioDatabase open(PortfolioStorageOptions options, Map<String, String> environment) {
        Optional<String> url = options.jdbcUrl(environment);
        if (url.isPresent()) {
            return PortfolioDatabase.open(
                    url.get(),
                    environment.get(PortfolioStorageOptions.USER_VARIABLE),
                    environment.get(PortfolioStorageOptions.PASSWORD_VARIABLE));
        }
        // The embedded database lets a second process (`assay server keys` while the server runs) in through
        // a TCP listener; it must listen on loopback only, never on every interface.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Path dataDir = options.dataDir(environment);
        Logger log = LoggerFactory.getLogger(PortfolioStorage.class);
        log.debug("portfolio database: embedded under {}", dataDir);
        return PortfolioDatabase.embedded(dataDir);
    }
}
