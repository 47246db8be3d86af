package dev.assay.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.EpssScore;
import dev.assay.model.KevEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAdvisoryStoreTest {
    private static Advisory advisory(String id, String ecosystem, String... names) {
        List<AffectedPackage> affected = java.util.Arrays.stream(names)
                .map(name -> new AffectedPackage(ecosystem, name, "", List.of(), List.of("1.0"), ""))
                .toList();
        return new Advisory(id, List.of(), "", "", null, null, null, affected, List.of(), List.of(), "test");
    }

    @Test
    void advisories_lookUpLikeTheDatabase() {
        Advisory django = advisory("PY-1", "PyPI", "Django");
        Advisory twice = advisory("PY-2", "PyPI", "zope.interface", "Zope-Interface");
        Advisory debian = advisory("DEB-1", "Debian:12", "openssl");
        try (InMemoryAdvisoryStore store = InMemoryAdvisoryStore.of(List.of(django, twice, debian))) {
            assertThat(store.advisories("PyPI", "django")).containsExactly(django);
            assertThat(store.advisories("PyPI", "zope_interface")).containsExactly(twice);
            assertThat(store.advisories("Debian", "openssl")).containsExactly(debian);
            assertThat(store.advisories("npm", "django")).isEmpty();
            assertThat(store.info().advisoriesByEcosystem())
                    .containsEntry("PyPI", 2)
                    .containsEntry("Debian", 1);
        }
    }

    @Test
    void kevAndEpss_areCaseInsensitive() {
        KevEntry kev = new KevEntry("CVE-2099-0001", "v", "p", null, null, false);
        EpssScore epss = new EpssScore("CVE-2099-0001", 0.5, 0.9);
        InMemoryAdvisoryStore store = InMemoryAdvisoryStore.of(List.of(), List.of(kev), List.of(epss));

        assertThat(store.kev("cve-2099-0001")).contains(kev);
        assertThat(store.epss("cve-2099-0001")).contains(epss);
        assertThat(store.kev("CVE-2099-0002")).isEmpty();
        assertThat(store.info().kevEntries()).isEqualTo(1);
        assertThat(store.info().epssScores()).isEqualTo(1);
    }
}
