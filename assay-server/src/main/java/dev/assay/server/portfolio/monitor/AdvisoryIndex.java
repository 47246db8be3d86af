package dev.assay.server.portfolio.monitor;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.vulndb.AdvisoryListing;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The advisory index the portfolio was last matched against ({@code advisory_index}, V6), kept in the
 * portfolio database because the old generation's files are gone from disk once a new one commits.
 *
 * <p>Read back it is an {@link AdvisoryListing} whose advisories carry only their id, modified time and
 * affected package names: all a diff needs to know which packages a removed or changed record touched.
 */
final class AdvisoryIndex {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryIndex.class);
    private static final int BATCH = 1000;
    private static final int MAX_ID = 255;
    private static final int MAX_ECOSYSTEM = 128;
    private static final int MAX_NAME = 1024;

    private AdvisoryIndex() {}

    /** The generation the index was recorded from, locking the state row when {@code lock} is set. */
    static Optional<String> generation(Handle handle, boolean lock) {
        handle.execute("INSERT INTO advisory_index_state (id) VALUES (1) ON CONFLICT DO NOTHING");
        return handle.createQuery(
                        "SELECT generation_id FROM advisory_index_state WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
                .map((rs, ctx) -> Optional.ofNullable(rs.getString("generation_id")))
                .one();
    }

    /** The stored index as a listing; its advisory lookups read the database through {@code handle}. */
    static AdvisoryListing read(Handle handle) {
        SortedMap<String, Instant> modified = new TreeMap<>();
        handle.createQuery("SELECT advisory_id, modified FROM advisory_index")
                .map((rs, ctx) -> Map.entry(
                        rs.getString("advisory_id"),
                        rs.getObject("modified", OffsetDateTime.class).toInstant()))
                .forEach(entry -> modified.put(entry.getKey(), entry.getValue()));
        SortedMap<String, Instant> listed = Collections.unmodifiableSortedMap(modified);
        return new AdvisoryListing() {
            @Override
            public SortedMap<String, Instant> modifiedById() {
                return listed;
            }

            @Override
            public Optional<Advisory> advisory(String id) {
                Instant when = listed.get(id);
                if (when == null) {
                    return Optional.empty();
                }
                List<AffectedPackage> affected = handle.createQuery("""
                                SELECT ecosystem, package_name FROM advisory_index_packages
                                WHERE advisory_id = :id ORDER BY ecosystem, package_name""")
                        .bind("id", id)
                        .map((rs, ctx) -> new AffectedPackage(
                                rs.getString("ecosystem"), rs.getString("package_name"), "", List.of(), List.of(), ""))
                        .list();
                Instant modifiedAt = when.equals(NO_MODIFIED) ? null : when;
                return Optional.of(new Advisory(
                        id, List.of(), "", "", null, modifiedAt, null, affected, List.of(), List.of(), ""));
            }
        };
    }

    /**
     * Brings the stored index to {@code current}: deletes the removed and changed records, inserts the added
     * and changed ones, and records {@code generation}. Runs in the caller's transaction.
     */
    static void write(
            Handle handle,
            AdvisoryListing current,
            Set<String> removed,
            Set<String> upserted,
            String generation,
            OffsetDateTime now) {
        List<String> gone = new ArrayList<>(removed);
        gone.addAll(upserted);
        for (int start = 0; start < gone.size(); start += BATCH) {
            List<String> chunk = gone.subList(start, Math.min(gone.size(), start + BATCH));
            handle.createUpdate("DELETE FROM advisory_index_packages WHERE advisory_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .execute();
            handle.createUpdate("DELETE FROM advisory_index WHERE advisory_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .execute();
        }
        SortedMap<String, Instant> modified = current.modifiedById();
        List<String> ids = upserted.stream().filter(modified::containsKey).toList();
        for (int start = 0; start < ids.size(); start += BATCH) {
            PreparedBatch rows =
                    handle.prepareBatch("INSERT INTO advisory_index (advisory_id, modified) VALUES (:id, :modified)");
            PreparedBatch packages = handle.prepareBatch("""
                    INSERT INTO advisory_index_packages (advisory_id, ecosystem, package_name)
                    VALUES (:id, :ecosystem, :name)""");
            int packageRows = 0;
            for (String id : ids.subList(start, Math.min(ids.size(), start + BATCH))) {
                if (id.length() > MAX_ID) {
                    LOG.warn("not indexing an advisory whose id is longer than {} characters", MAX_ID);
                    continue;
                }
                rows.bind("id", id)
                        .bind("modified", WorkQueue.utc(modified.get(id)))
                        .add();
                Set<List<String>> names = new LinkedHashSet<>();
                current.advisory(id)
                        .ifPresent(advisory -> advisory.affected().forEach(affected -> {
                            if (affected.ecosystem().length() <= MAX_ECOSYSTEM
                                    && affected.name().length() <= MAX_NAME) {
                                names.add(List.of(affected.ecosystem(), affected.name()));
                            }
                        }));
                for (List<String> name : names) {
                    packages.bind("id", id)
                            .bind("ecosystem", name.get(0))
                            .bind("name", name.get(1))
                            .add();
                    packageRows++;
                }
            }
            if (rows.size() > 0) {
                rows.execute();
            }
            if (packageRows > 0) {
                packages.execute();
            }
        }
        handle.createUpdate(
                        "UPDATE advisory_index_state SET generation_id = :generation, recorded_at = :now WHERE id = 1")
                .bind("generation", generation)
                .bind("now", now)
                .execute();
    }
}
