package dev.assay.server.portfolio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void embedded_newDataDirectory_createsTheDatabaseFileThere() {
        Path nested = dataDir.resolve("a/b");

        try (PortfolioDatabase database = PortfolioDatabase.embedded(nested)) {
            assertThat(database.dialect()).isEqualTo(PortfolioDatabase.Dialect.H2);
        }

        assertThat(nested.resolve("portfolio.mv.db")).isRegularFile();
    }

    @Test
    void embedded_withoutAKey_sealsWithAKeyKeptInTheDirectory_theSameAfterReopening() throws IOException {
        Path privateDir = dataDir.resolve("sealing");
        String sealed;
        try (PortfolioDatabase database = PortfolioDatabase.embedded(privateDir)) {
            assertThat(database.secrets().seals()).isTrue();
            sealed = database.secrets().seal("0123456789abcdef-secret");
        }
        Path keyFile = privateDir.resolve("secret-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(java.util.Base64.getDecoder()
                        .decode(Files.readString(keyFile).strip()))
                .hasSize(32);
        try (PortfolioDatabase reopened = PortfolioDatabase.embedded(privateDir)) {
            assertThat(reopened.secrets().open(sealed)).isEqualTo("0123456789abcdef-secret");
        }
        // A key given (ASSAY_SECRET_KEY) wins over the file: the value sealed with the file's key does not open.
        String given = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        try (PortfolioDatabase withGivenKey = PortfolioDatabase.embedded(privateDir, given, null)) {
            assertThatThrownBy(() -> withGivenKey.secrets().open(sealed))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("ASSAY_SECRET_KEY");
        }
    }

    @Test
    void embedded_dataDirectoryAndPassword_areTheOwnersAlone() throws IOException {
        Path privateDir = dataDir.resolve("private");
        try (PortfolioDatabase database = PortfolioDatabase.embedded(privateDir)) {
            Integer one = database.jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(one).isEqualTo(1);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateDir)))
                .isEqualTo("rwx------");
        Path password = privateDir.resolve("database-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(password)).hasSize(48);
        // Reopened with the password it was created with; anyone without it is refused.
        try (PortfolioDatabase reopened = PortfolioDatabase.embedded(privateDir)) {
            assertThat(reopened.dialect()).isEqualTo(PortfolioDatabase.Dialect.H2);
        }
        String url = "jdbc:h2:file:" + privateDir.toAbsolutePath().resolve("portfolio")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
        assertThatThrownBy(() -> PortfolioDatabase.open(url, "sa", "").close())
                .isInstanceOf(UnableToUsePortfolioDatabaseException.class);
    }

    @Test
    void embedded_dataDirectoryIsAFile_isInvalidInput() throws IOException {
        Path file = Files.writeString(dataDir.resolve("file"), "x");

        assertThatThrownBy(() -> PortfolioDatabase.embedded(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("data directory");
    }

    @Test
    void open_unsupportedUrl_isInvalidInputWithoutThePassword() {
        assertThatThrownBy(() -> PortfolioDatabase.open("jdbc:mysql://db/x?password=hunter2", "u", "p"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unsupported database URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void open_unreachablePostgres_failsWithNoVerdictAndNoPassword() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        String url = "jdbc:postgresql://127.0.0.1:1/portfolio?connectTimeout=2&password=hunter2";

        assertThatThrownBy(() -> PortfolioDatabase.open(url, "assay", "hunter2"))
                .isInstanceOf(UnableToUsePortfolioDatabaseException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void redact_passwordInUrl_isMasked() {
        assertThat(PortfolioDatabase.redact("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
    }
}
