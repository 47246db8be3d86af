package dev.assay.match.npm;

import static dev.assay.match.fakes.Advisories.advisory;
import static dev.assay.match.fakes.Components.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.match.fakes.OsvJson;
import dev.assay.testkit.Corpora;
import org.junit.jupiter.api.Test;

class NpmMatcherTest {
    private final NpmMatcher matcher = new NpmMatcher();

    @Test
    void packageName_scopedPurl_isScopeSlashName() {
        assertThat(NpmMatcher.packageName(component("pkg:npm/%40angular/core@1.0.0")))
                .isEqualTo("@angular/core");
        assertThat(NpmMatcher.packageName(component("pkg:npm/lodash@4.17.15"))).isEqualTo("lodash");
    }

    @Test
    void match_scopedPackage_findsItsRecord() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("GHSA-1")
                        .range("npm", "@angular/core", "0", "11.0.5")
                        .build());

        assertThat(matcher.match(store, component("pkg:npm/%40angular/core@11.0.0")))
                .hasSize(1);
        assertThat(matcher.match(store, component("pkg:npm/core@11.0.0"))).isEmpty();
    }

    @Test
    void match_lodashFromTheCorpus_matchesPrototypePollutionRecords() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .addAll(OsvJson.readDirectory(
                        Corpora.require("advisories/github-advisory-database-curated/advisories")));

        assertThat(matcher.match(store, component("pkg:npm/lodash@4.17.11")))
                .extracting(match -> match.advisory().id())
                .contains("GHSA-jf85-cpcp-j695", "GHSA-p6mc-m468-83gw");
        assertThat(matcher.match(store, component("pkg:npm/lodash@4.17.21"))).isEmpty();
    }
}
