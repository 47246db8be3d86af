package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.VulnerabilityMatcher;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScanEngineTest {
    @Test
    void uncoveredEcosystems_componentsOfAnEcosystemWithoutAdvisories_areNamedWithTheirCount() {
        Sbom sbom = sbom(
                "pkg:deb/debian/libc6@2.36-9?distro=debian-12",
                "pkg:deb/debian/bash@5.2.15-2?distro=debian-12",
                "pkg:pypi/requests@2.19.1",
                // Not placed in any ecosystem: no release, and no matcher for the type.
                "pkg:deb/debian/zlib1g@1.2.13",
                "pkg:generic/thing@1.0");

        List<String> warnings = ScanEngine.uncoveredEcosystems(
                sbom, InMemoryAdvisoryStore.of(List.of()), VulnerabilityMatcher.withDefaultMatchers());

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("no Debian advisories", "2 Debian component(s)");
        assertThat(warnings.get(1)).contains("no PyPI advisories", "1 PyPI component(s)");
    }

    private static Sbom sbom(String... purls) {
        List<Component> components = java.util.Arrays.stream(purls)
                .map(Purl::parse)
                .map(purl -> Component.builder(purl)
                        .kind(ComponentKind.LIBRARY)
                        .name(purl.name())
                        .version(purl.version().orElse(""))
                        .build())
                .toList();
        SbomMetadata metadata = new SbomMetadata("urn:uuid:1", Instant.EPOCH, null, List.of(), null, new TreeMap<>());
        return new Sbom(metadata, components, List.of(), List.of());
    }
}
