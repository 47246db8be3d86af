package dev.assay.vulndb;

import dev.assay.model.Advisory;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The advisories of one store generation listed by id, so that two generations can be compared without
 * decoding every record: only the records whose {@code modified} differs need to be read.
 */
public interface AdvisoryListing {
    /** Instant recorded for an advisory that carries no {@code modified} date. */
    Instant NO_MODIFIED = Instant.EPOCH;

    /**
     * Every advisory id (withdrawn ones included) with its {@code modified} time, or {@link #NO_MODIFIED}
     * when the record has none, sorted by id.
     */
    SortedMap<String, Instant> modifiedById();

    /** The advisory with this id (exact, case-sensitive), withdrawn or not. */
    Optional<Advisory> advisory(String id);
}
