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
        Path dataDir = options.dataDir(environment);
        Logger log = LoggerFactory.getLogger(PortfolioStorage.class);
        log.debug("portfolio database: embedded under {}", dataDir);
        return PortfolioDatabase.embedded(dataDir);
    }
}
