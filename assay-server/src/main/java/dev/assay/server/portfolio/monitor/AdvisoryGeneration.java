package dev.assay.server.portfolio.monitor;

import dev.assay.model.AdvisoryDatabaseSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One generation of the advisory database, identified from the engine's {@link AdvisoryDatabaseSummary}
 * (the server reaches the advisory store only through assay-engine).
 *
 * <p>The store's own generation counter lives in its manifest, which assay-vulndb keeps package-private,
 * and it is per directory: two instances with their own copies of the same data would count differently.
 * The id is therefore a SHA-256 over the data's update time, snapshot flag and advisory count without its
 * location. Every commit that imports data sets a new update time, so a new commit yields a new id; two
 * directories restored from the same bundle keep the bundle's time and yield the same id, rightly, as they
 * hold the same data.
 *
 * @param id {@code sha256:} and 64 hex digits
 * @param updatedAt when the data was imported or fetched; generations move forward by it
 */
public record AdvisoryGeneration(String id, Instant updatedAt, int advisories) {
    public AdvisoryGeneration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static AdvisoryGeneration of(AdvisoryDatabaseSummary summary) {
        String canonical = "updatedAt=" + summary.updatedAt() + "\nsnapshot=" + summary.snapshot() + "\nadvisories="
                + summary.advisories() + "\n";
        return new AdvisoryGeneration("sha256:" + sha256(canonical), summary.updatedAt(), summary.advisories());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
