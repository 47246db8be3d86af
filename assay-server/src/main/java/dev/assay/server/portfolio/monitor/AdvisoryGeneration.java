package dev.assay.server.portfolio.monitor;

import dev.assay.vulndb.StoreInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One generation of the advisory database, identified from what {@link StoreInfo} exposes.
 *
 * <p>The store's own generation counter lives in its manifest, which assay-vulndb keeps package-private,
 * and it is per directory: two instances with their own copies of the same data would count differently.
 * The id is therefore a SHA-256 over the data's description without its location: {@code updatedAt} (set
 * by every commit that changes data), the snapshot flag, the counts per ecosystem, KEV and EPSS counts and
 * every source with its time and record count. A new commit yields a new id; two directories restored from
 * the same bundle yield the same id, rightly, as they hold the same data.
 *
 * @param id {@code sha256:} and 64 hex digits
 * @param updatedAt when the data was imported or fetched; generations move forward by it
 */
public record AdvisoryGeneration(String id, Instant updatedAt, int advisories) {
    public AdvisoryGeneration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static AdvisoryGeneration of(StoreInfo info) {
        Objects.requireNonNull(info.updatedAt(), "the advisory store has no update time");
        StringBuilder canonical = new StringBuilder();
        canonical.append("updatedAt=").append(info.updatedAt()).append('\n');
        canonical.append("snapshot=").append(info.snapshot()).append('\n');
        info.advisoriesByEcosystem()
                .forEach((ecosystem, count) -> canonical
                        .append("ecosystem=")
                        .append(ecosystem)
                        .append('=')
                        .append(count)
                        .append('\n'));
        canonical.append("kev=").append(info.kevEntries()).append('\n');
        canonical.append("epss=").append(info.epssScores()).append('\n');
        for (StoreInfo.Source source : info.sources()) {
            canonical
                    .append("source=")
                    .append(source.kind())
                    .append('|')
                    .append(source.origin())
                    .append('|')
                    .append(source.importedAt())
                    .append('|')
                    .append(source.records());
            Map<String, String> details = new TreeMap<>(source.details());
            details.forEach((key, value) ->
                    canonical.append('|').append(key).append('=').append(value));
            canonical.append('\n');
        }
        return new AdvisoryGeneration("sha256:" + sha256(canonical.toString()), info.updatedAt(), info.advisories());
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
