package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.monitor.Event;
import dev.assay.server.portfolio.monitor.WebhookSubscriptions;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SecretSealer;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import dev.assay.vulndb.AdvisoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioStartupTest {
    private static final String SECRET = "0123456789abcdef-secret";
    private static final Supplier<AdvisoryStore> NO_ADVISORIES = () -> {
        throw new UnableToUsePortfolioDatabaseException("no advisory database in this test", "none", null);
    };

    @TempDir
    Path dataDir;

    private String url() {
        return "jdbc:h2:file:" + dataDir.resolve("portfolio") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    private static SecretSealer key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return SecretSealer.withKey(key);
    }

    private static String storedSecret(PortfolioDatabase database) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT secret FROM webhook_subscriptions")
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void start_withAKeyNow_sealsTheSecretsStoredInTheClear_andAnotherKeyStopsTheStart() {
        try (PortfolioDatabase clear = PortfolioDatabase.open(url(), "sa", "")) {
            new WebhookSubscriptions(clear, Clock.systemUTC())
                    .create("https://hooks.example.com/a", SECRET, Set.of(Event.FINDING_NEW));
            PortfolioStartup.mendUnfinishedWrites(clear, NO_ADVISORIES);
            assertThat(storedSecret(clear)).isEqualTo(SECRET);
        }

        try (PortfolioDatabase keyed = PortfolioDatabase.open(url(), "sa", "", key(1))) {
            PortfolioStartup.mendUnfinishedWrites(keyed, NO_ADVISORIES);
            assertThat(storedSecret(keyed)).startsWith(SecretSealer.PREFIX).doesNotContain(SECRET);
            assertThat(keyed.secrets().open(storedSecret(keyed))).isEqualTo(SECRET);
        }

        try (PortfolioDatabase otherKey = PortfolioDatabase.open(url(), "sa", "", key(2))) {
            assertThatThrownBy(() -> PortfolioStartup.mendUnfinishedWrites(otherKey, NO_ADVISORIES))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(SecretSealer.KEY_VARIABLE);
        }
    }

    @Test
    void storage_aKeyThatIsNotThirtyTwoBase64Bytes_isAnInputError() {
        PortfolioStorageOptions options = new PortfolioStorageOptions();
        options.dataDir = dataDir.resolve("server");

        assertThatThrownBy(() -> PortfolioStorage.open(options, Map.of(SecretSealer.KEY_VARIABLE, "c2hvcnQ=")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void storage_aPreviousKeyWithoutTheNewOne_isAnInputError() {
        PortfolioStorageOptions options = new PortfolioStorageOptions();
        options.dataDir = dataDir.resolve("server");
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> PortfolioStorage.open(options, Map.of(SecretSealer.PREVIOUS_KEY_VARIABLE, key)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a key rotation needs the new key too");
    }
}
