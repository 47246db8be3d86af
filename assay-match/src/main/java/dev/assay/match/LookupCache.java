package dev.assay.match;

import dev.assay.model.Advisory;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.StoreInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store as one match run sees it: each package's records are decoded once, however many versions of
 * the package the inventory holds (a monorepo's lockfiles often carry dozens of versions of one library).
 * Lives for one run and one thread only.
 */
final class LookupCache implements AdvisoryStore {
    private final AdvisoryStore store;
    private final Map<String, List<Advisory>> advisories = new HashMap<>();

    LookupCache(AdvisoryStore store) {
        this.store = store;
    }

    @Override
    public List<Advisory> advisories(String ecosystem, String packageName) {
        return advisories.computeIfAbsent(
                ecosystem + '\u0000' + packageName, key -> store.advisories(ecosystem, packageName));
    }

    @Override
    public Optional<KevEntry> kev(String cveId) {
        return store.kev(cveId);
    }

    @Override
    public Optional<EpssScore> epss(String cveId) {
        return store.epss(cveId);
    }

    @Override
    public StoreInfo info() {
        return store.info();
    }

    /** The run does not own the store; closing the cache leaves it open. */
    @Override
    public void close() {}
}
