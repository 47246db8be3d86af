package dev.assay.vulndb;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An {@link AdvisoryStore} over values in memory, with the same lookup rules as the database on disk
 * (ecosystem without release suffix, names through {@link PackageNames}, CVE ids case-insensitive). For
 * tests of matchers, reports and the engine, and for tools that hold a handful of advisories.
 */
public final class InMemoryAdvisoryStore implements AdvisoryStore, AdvisoryListing {
    private final Map<String, List<Advisory>> byPackage;
    private final SortedMap<String, Advisory> byId = new TreeMap<>();
    private final Map<String, KevEntry> kev;
    private final Map<String, EpssScore> epss;
    private final StoreInfo info;

    private InMemoryAdvisoryStore(
            List<Advisory> advisories, List<KevEntry> kevEntries, List<EpssScore> epssScores, Instant updatedAt) {
        Map<String, List<Advisory>> packages = new HashMap<>();
        SortedMap<String, Integer> byEcosystem = new TreeMap<>();
        for (Advisory advisory : advisories) {
            byId.put(advisory.id(), advisory);
            Set<String> keys = new LinkedHashSet<>();
            Set<String> ecosystems = new LinkedHashSet<>();
            for (AffectedPackage affected : advisory.affected()) {
                keys.add(key(affected.ecosystem(), affected.name()));
                ecosystems.add(affected.ecosystemBase());
            }
            for (String key : keys) {
                packages.computeIfAbsent(key, unused -> new ArrayList<>()).add(advisory);
            }
            ecosystems.forEach(ecosystem -> byEcosystem.merge(ecosystem, 1, Integer::sum));
        }
        packages.replaceAll((key, list) -> List.copyOf(list));
        this.byPackage = packages;
        this.kev = new LinkedHashMap<>();
        kevEntries.forEach(entry -> kev.put(cveKey(entry.cveId()), entry));
        this.epss = new LinkedHashMap<>();
        epssScores.forEach(score -> epss.put(cveKey(score.cveId()), score));
        this.info = new StoreInfo("memory", updatedAt, false, byEcosystem, kev.size(), epss.size(), List.of());
    }

    public static InMemoryAdvisoryStore of(List<Advisory> advisories) {
        return of(advisories, List.of(), List.of());
    }

    public static InMemoryAdvisoryStore of(
            List<Advisory> advisories, List<KevEntry> kevEntries, List<EpssScore> epssScores) {
        return new InMemoryAdvisoryStore(advisories, kevEntries, epssScores, Instant.EPOCH);
    }

    /** As {@link #of(List, List, List)} with the {@link StoreInfo#updatedAt()} a report should show. */
    public static InMemoryAdvisoryStore of(
            List<Advisory> advisories, List<KevEntry> kevEntries, List<EpssScore> epssScores, Instant updatedAt) {
        return new InMemoryAdvisoryStore(advisories, kevEntries, epssScores, updatedAt);
    }

    @Override
    public List<Advisory> advisories(String ecosystem, String packageName) {
        return byPackage.getOrDefault(key(ecosystem, packageName), List.of());
    }

    @Override
    public Optional<KevEntry> kev(String cveId) {
        return Optional.ofNullable(kev.get(cveKey(cveId)));
    }

    @Override
    public Optional<EpssScore> epss(String cveId) {
        return Optional.ofNullable(epss.get(cveKey(cveId)));
    }

    @Override
    public SortedMap<String, Instant> modifiedById() {
        SortedMap<String, Instant> result = new TreeMap<>();
        byId.forEach((id, advisory) -> result.put(id, advisory.modifiedAt().orElse(NO_MODIFIED)));
        return Collections.unmodifiableSortedMap(result);
    }

    @Override
    public Optional<Advisory> advisory(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public StoreInfo info() {
        return info;
    }

    @Override
    public void close() {}

    private static String key(String ecosystem, String name) {
        return PackageNames.ecosystemBase(ecosystem) + '\0' + PackageNames.normalize(ecosystem, name);
    }

    private static String cveKey(String cveId) {
        return cveId.strip().toUpperCase(Locale.ROOT);
    }
}
