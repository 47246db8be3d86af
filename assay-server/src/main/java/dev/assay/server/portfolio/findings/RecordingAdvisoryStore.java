package dev.assay.server.portfolio.findings;

import dev.assay.model.Advisory;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.StoreInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Passes lookups through and remembers which packages were asked for. Matching one component through it
 * tells which advisory packages concern that component, in the matcher's own terms, without repeating its
 * purl-to-package rules here. Not thread-safe: one per component match.
 */
final class RecordingAdvisoryStore implements AdvisoryStore {
    private final AdvisoryStore delegate;
    private final Set<PackageKey> lookups = new TreeSet<>();

    RecordingAdvisoryStore(AdvisoryStore delegate) {
        this.delegate = delegate;
    }

    Set<PackageKey> lookups() {
        return lookups;
    }

    @Override
    public List<Advisory> advisories(String ecosystem, String packageName) {
        lookups.add(PackageKey.of(ecosystem, packageName));
        return delegate.advisories(ecosystem, packageName);
    }

    @Override
    public Optional<KevEntry> kev(String cveId) {
        return delegate.kev(cveId);
    }

    @Override
    public Optional<EpssScore> epss(String cveId) {
        return delegate.epss(cveId);
    }

    @Override
    public StoreInfo info() {
        return delegate.info();
    }

    /** The caller's store stays open: it belongs to the caller. */
    @Override
    public void close() {}
}
