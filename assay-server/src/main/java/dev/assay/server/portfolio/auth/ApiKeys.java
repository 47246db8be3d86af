package dev.assay.server.portfolio.auth;

import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.audit.AuditLog;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/**
 * API keys: {@code assay_<prefix>_<secret>}. Only the key's SHA-256 is stored; the prefix finds the row
 * (an index lookup, not a scan of every hash) and the hashes are compared in constant time. A high-entropy
 * random secret needs no slow password hash: there is nothing to guess from its SHA-256.
 */
public final class ApiKeys {
    /** Keys are created with this name when the table is empty at the first start. */
    public static final String INITIAL_ADMIN = "initial-admin";

    private static final Pattern KEY = Pattern.compile("assay_([0-9a-f]{12})_([0-9a-f]{64})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final String UNIQUE_VIOLATION = "23505";
    /** Writing last_used_at on every request would turn reads into writes; once a minute says enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final PortfolioDatabase database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Creates a key and records it in the audit log as done by {@code actor}.
     *
     * @throws InvalidInputException when the name is malformed or already taken
     */
    public CreatedApiKey create(String name, Set<Scope> scopes, String actor) {
        requireName(name);
        if (scopes.isEmpty()) {
            throw new InvalidInputException("a key needs at least one scope", name);
        }
        byte[] prefixBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        random.nextBytes(prefixBytes);
        random.nextBytes(secretBytes);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String secret = "assay_" + prefix + "_" + HexFormat.of().formatHex(secretBytes);
        OffsetDateTime now = now();
        try {
            long id = database.jdbi().inTransaction(handle -> {
                long created = handle.createUpdate("""
                                INSERT INTO api_keys (name, key_prefix, key_sha256, scopes, created_at)
                                VALUES (:name, :prefix, :sha, :scopes, :now)""")
                        .bind("name", name)
                        .bind("prefix", prefix)
                        .bind("sha", sha256(secret))
                        .bind("scopes", Scope.format(scopes))
                        .bind("now", now)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                AuditLog.record(handle, now, actor, "key.create", "key:" + name, "scopes:" + Scope.format(scopes));
                return created;
            });
            return new CreatedApiKey(
                    new ApiKey(id, name, prefix, scopes, now, Optional.empty(), Optional.empty()), secret);
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                throw new InvalidInputException(
                        "an API key named '" + name + "' already exists", name, "choose another --name", e);
            }
            throw databaseError("cannot create the API key " + name, e);
        }
    }

    /** Every key, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        try {
            return database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT * FROM api_keys ORDER BY id")
                            .map((rs, ctx) -> key(rs))
                            .list());
        } catch (JdbiException e) {
            throw databaseError("cannot list the API keys", e);
        }
    }

    public boolean isEmpty() {
        try {
            return database.jdbi()
                            .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM api_keys")
                                    .mapTo(Long.class)
                                    .one())
                    == 0;
        } catch (JdbiException e) {
            throw databaseError("cannot read the API keys", e);
        }
    }

    /**
     * Revokes a key at once: the next request presenting it gets 401.
     *
     * @return false when it was already revoked
     * @throws ApiKeyNotFoundException when no key has that name
     */
    public boolean revoke(String name, String actor) {
        OffsetDateTime now = now();
        try {
            return database.jdbi().inTransaction(handle -> {
                Optional<ApiKey> existing = handle.createQuery("SELECT * FROM api_keys WHERE name = :name FOR UPDATE")
                        .bind("name", name)
                        .map((rs, ctx) -> key(rs))
                        .findOne();
                if (existing.isEmpty()) {
                    throw new ApiKeyNotFoundException(name);
                }
                if (existing.get().isRevoked()) {
                    return false;
                }
                handle.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE id = :id")
                        .bind("now", now)
                        .bind("id", existing.get().id())
                        .execute();
                AuditLog.record(handle, now, actor, "key.revoke", "key:" + name, "");
                return true;
            });
        } catch (JdbiException e) {
            throw databaseError("cannot revoke the API key " + name, e);
        }
    }

    /**
     * The key a request presented, when it exists and is not revoked. Malformed text, an unknown prefix, a
     * wrong secret and a revoked key all answer empty: a client learns nothing about which it was.
     */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.length() > 100) {
            return Optional.empty();
        }
        var matcher = KEY.matcher(presented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = matcher.group(1);
        byte[] presentedHash = sha256(presented).getBytes(StandardCharsets.US_ASCII);
        try {
            Optional<StoredKey> stored = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT * FROM api_keys WHERE key_prefix = :prefix")
                            .bind("prefix", prefix)
                            .map((rs, ctx) -> new StoredKey(key(rs), rs.getString("key_sha256")))
                            .findOne());
            if (stored.isEmpty()
                    || !MessageDigest.isEqual(
                            presentedHash, stored.get().sha256().getBytes(StandardCharsets.US_ASCII))
                    || stored.get().key().isRevoked()) {
                return Optional.empty();
            }
            ApiKey key = stored.get().key();
            touch(key);
            return Optional.of(key);
        } catch (JdbiException e) {
            throw databaseError("cannot check an API key", e);
        }
    }

    private void touch(ApiKey key) {
        OffsetDateTime now = now();
        if (key.lastUsedAt()
                .map(last -> last.plus(LAST_USED_RESOLUTION).isAfter(now))
                .orElse(false)) {
            return;
        }
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                        .bind("now", now)
                        .bind("id", key.id())
                        .execute());
    }

    static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "invalid key name '" + name + "': use 1 to 100 letters, digits, '.', '_', '@' or '-', "
                            + "starting with a letter or digit",
                    String.valueOf(name));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                Scope.parseList(rs.getString("scopes")),
                rs.getObject("created_at", OffsetDateTime.class),
                Optional.ofNullable(rs.getObject("last_used_at", OffsetDateTime.class)),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static UnableToUsePortfolioDatabaseException databaseError(String what, JdbiException e) {
        return new UnableToUsePortfolioDatabaseException(what + ": " + e.getMessage(), "api_keys", e);
    }

    private record StoredKey(ApiKey key, String sha256) {}
}
