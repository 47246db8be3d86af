package dev.assay.vulndb;

import dev.assay.model.Advisory;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import java.util.List;
import java.util.Optional;

/**
 * Read access to advisories, keyed the way matchers look them up: by OSV ecosystem and package name. Names
 * are normalized by the store with {@link PackageNames}, so callers pass them as the inventory has them.
 * Implementations are safe for concurrent readers.
 */
public interface AdvisoryStore extends AutoCloseable {
    /**
     * Every record with an {@code affected[]} entry for this package in this ecosystem, including withdrawn
     * ones (the matcher decides; reports may show them).
     *
     * @param ecosystem the OSV ecosystem without its release suffix: {@code Maven}, {@code PyPI},
     *     {@code Debian}; the records' {@code affected[].ecosystem} keeps the release for the matcher to
     *     check
     */
    List<Advisory> advisories(String ecosystem, String packageName);

    /** The KEV entry for a CVE id, if CISA lists it as exploited. */
    Optional<KevEntry> kev(String cveId);

    /** The EPSS score of a CVE id, if known. */
    Optional<EpssScore> epss(String cveId);

    /** What is in the store and how current it is. */
    StoreInfo info();

    @Override
    void close();
}
