package dev.assay.server.portfolio.auth;

/**
 * A key just created. {@code secret} is the whole key text ({@code assay_<prefix>_<secret>}); it exists only
 * here, is shown once, and cannot be recovered from the database.
 */
public record CreatedApiKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "CreatedApiKey[" + key.name() + ", assay_" + key.prefix() + "_***]";
    }
}
