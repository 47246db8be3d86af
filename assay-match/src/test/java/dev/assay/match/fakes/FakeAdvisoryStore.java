package dev.assay.match.fakes;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.PackageNames;
import dev.assay.vulndb.StoreInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An advisory store in memory, keyed the way the real one is: ecosystem base and normalized name. */
public final class FakeAdvisoryStore implements AdvisoryStore {
    private final Map<String, LinkedHashSet<Advisory>> byPackage = new HashMap<>();
    private final Map<String, KevEntry> kev = new HashMap<>();
    private final Map<String, EpssScore> epss = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    public FakeAdvisoryStore add(Advisory... advisories) {
        for (Advisory advisory : advisories) {
            for (AffectedPackage entry : advisory.affected()) {
                byPackage
                        .computeIfAbsent(key(entry.ecosystemBase(), entry.name()), ignored -> new LinkedHashSet<>())
                        .add(advisory);
            }
        }
        return this;
    }

    public FakeAdvisoryStore addAll(List<Advisory> advisories) {
        return add(advisories.toArray(Advisory[]::new));
    }

    public FakeAdvisoryStore knownExploited(String cve) {
        kev.put(cve, new KevEntry(cve, "vendor", "product", null, null, false));
        return this;
    }

    public FakeAdvisoryStore exploitPrediction(String cve, double probability) {
        epss.put(cve, new EpssScore(cve, probability, 0.5));
        return this;
    }

    public int lookups() {
        return lookups.get();
    }

    @Override
    public List<Advisory> advisories(String ecosystem, String packageName) {
        lookups.incrementAndGet();
        return new ArrayList<>(byPackage.getOrDefault(key(ecosystem, packageName), new LinkedHashSet<>()));
    }

    @Override
    public Optional<KevEntry> kev(String cveId) {
        return Optional.ofNullable(kev.get(cveId));
    }

    @Override
    public Optional<EpssScore> epss(String cveId) {
        return Optional.ofNullable(epss.get(cveId));
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("memory", Instant.EPOCH, false, new TreeMap<>(), kev.size(), epss.size(), List.of());
    }

    @Override
    public void close() {}

    private static String key(String ecosystem, String name) {
        String base = PackageNames.ecosystemBase(ecosystem);
        return base + "\u0000" + PackageNames.normalize(base, name);
    }
}
