package dev.assay.server.portfolio.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
    @TempDir
    Path dataDir;

    PortfolioDatabase database;
    ApiKeys keys;

    @BeforeEach
    void open() {
        database = PortfolioDatabase.embedded(dataDir.resolve("db"));
        keys = new ApiKeys(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void create_storesOnlyTheHash_andTheKeyAuthenticates() {
        CreatedApiKey created = keys.create("ci", EnumSet.of(Scope.UPLOAD, Scope.READ), "test");

        assertThat(created.secret()).matches("assay_[0-9a-f]{12}_[0-9a-f]{64}");
        assertThat(created.toString()).doesNotContain(created.secret().substring(19));
        String stored = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT key_sha256 || ' ' || key_prefix || ' ' || scopes FROM api_keys")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).doesNotContain(created.secret().substring(19)).contains("read,upload");
        assertThat(keys.authenticate(created.secret()).orElseThrow().scopes())
                .containsExactlyInAnyOrder(Scope.UPLOAD, Scope.READ);
    }

    @Test
    void authenticate_wrongSecretMalformedOrRevoked_isEmpty() {
        CreatedApiKey created = keys.create("ci", EnumSet.of(Scope.UPLOAD), "test");
        String wrong = created.secret().substring(0, 19) + "f".repeat(64);

        assertThat(keys.authenticate(wrong)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("assay_' OR 1=1 --")).isEmpty();
        assertThat(keys.authenticate("x".repeat(10_000))).isEmpty();
        assertThat(keys.revoke("ci", "test")).isTrue();
        assertThat(keys.revoke("ci", "test")).isFalse();
        assertThat(keys.authenticate(created.secret())).isEmpty();
        assertThat(keys.list())
                .singleElement()
                .satisfies(key -> assertThat(key.isRevoked()).isTrue());
        assertThatThrownBy(() -> keys.revoke("nobody", "test")).isInstanceOf(ApiKeyNotFoundException.class);
    }

    @Test
    void create_duplicateOrInvalidName_isAnInputError() {
        keys.create("ci", EnumSet.of(Scope.UPLOAD), "test");

        assertThatThrownBy(() -> keys.create("ci", EnumSet.of(Scope.READ), "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> keys.create("../etc", EnumSet.of(Scope.READ), "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid key name");
        assertThatThrownBy(() -> keys.create("a\nb", EnumSet.of(Scope.READ), "test"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void scopes_adminImpliesAll_parseRejectsUnknown() {
        assertThat(Scope.TRIAGE.isGrantedBy(Set.of(Scope.ADMIN))).isTrue();
        assertThat(Scope.ADMIN.isGrantedBy(Set.of(Scope.READ, Scope.UPLOAD, Scope.TRIAGE)))
                .isFalse();
        assertThat(Scope.parseList(" Upload, read ,")).containsExactlyInAnyOrder(Scope.UPLOAD, Scope.READ);
        assertThatThrownBy(() -> Scope.parseList("write")).hasMessageContaining("unknown scope 'write'");
        assertThatThrownBy(() -> Scope.parseList(",")).hasMessageContaining("no scope");
    }

    @Test
    void initialAdminKey_onlyOnAnEmptyTable_writtenOwnerOnly() throws Exception {
        Path file = InitialAdminKey.ensure(keys, dataDir).orElseThrow();

        assertThat(file).isEqualTo(dataDir.resolve("initial-admin-key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        ApiKey admin = keys.authenticate(key).orElseThrow();
        assertThat(admin.name()).isEqualTo(ApiKeys.INITIAL_ADMIN);
        assertThat(admin.allows(Scope.TRIAGE)).isTrue();

        assertThat(InitialAdminKey.ensure(keys, dataDir)).isEmpty();
        assertThat(keys.list()).hasSize(1);
    }
}
