package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SecretSealer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the portfolio database the storage flags name, sealing stored secrets with {@code ASSAY_SECRET_KEY}
 * when it is set (see {@link SecretSealer}). Server classes: loaded only by server commands.
 */
final class PortfolioStorage {
    private PortfolioStorage() {}

    static PortfolioDatabase open(PortfolioStorageOptions options, Map<String, String> environment) {
        Optional<String> url = options.jdbcUrl(environment);
        String secretKey = nonBlank(environment.get(SecretSealer.KEY_VARIABLE));
        String previousKey = nonBlank(environment.get(SecretSealer.PREVIOUS_KEY_VARIABLE));
        if (previousKey != null && secretKey == null) {
            throw new InvalidInputException(
                    SecretSealer.PREVIOUS_KEY_VARIABLE + " is set without " + SecretSealer.KEY_VARIABLE
                            + ": a key rotation needs the new key too",
                    SecretSealer.PREVIOUS_KEY_VARIABLE);
        }
        if (url.isPresent()) {
            return PortfolioDatabase.open(
                    url.get(),
                    environment.get(PortfolioStorageOptions.USER_VARIABLE),
                    environment.get(PortfolioStorageOptions.PASSWORD_VARIABLE),
                    secretKey == null ? SecretSealer.none() : SecretSealer.fromBase64(secretKey, previousKey));
        }
        Path dataDir = options.dataDir(environment);
        Logger log = LoggerFactory.getLogger(PortfolioStorage.class);
        log.debug("portfolio database: embedded under {}", dataDir);
        return PortfolioDatabase.embedded(dataDir, secretKey, previousKey);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
