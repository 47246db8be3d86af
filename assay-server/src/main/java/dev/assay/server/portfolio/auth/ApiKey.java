package dev.assay.server.portfolio.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about a key without its secret: who it is (the name, the actor in the audit log), what it
 * may do, and whether it still works.
 *
 * @param prefix the public part of the key ({@code assay_<prefix>_...}), safe to show and log
 */
public record ApiKey(
        long id,
        String name,
        String prefix,
        Set<Scope> scopes,
        OffsetDateTime createdAt,
        Optional<OffsetDateTime> lastUsedAt,
        Optional<OffsetDateTime> revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(Scope needed) {
        return needed.isGrantedBy(scopes);
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
