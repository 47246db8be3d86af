package dev.assay.catalog.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import org.junit.jupiter.api.Test;

class JavaScriptCatalogersTest {
    @Test
    void all_listsEveryCatalogerWithStableIdsAndTags() {
        assertThat(JavaScriptCatalogers.all())
                .extracting(Cataloger::id)
                .containsExactly(
                        "javascript-package-lock-cataloger",
                        "javascript-yarn-lock-cataloger",
                        "javascript-pnpm-lock-cataloger",
                        "javascript-package-json-cataloger");
        assertThat(JavaScriptCatalogers.all())
                .allSatisfy(cataloger ->
                        assertThat(cataloger.tags()).contains(CatalogTag.ECOSYSTEM_JAVASCRIPT, CatalogTag.DIRECTORY));
        assertThat(JavaScriptCatalogers.installedPackageJson().tags()).contains(CatalogTag.IMAGE, CatalogTag.INSTALLED);
        assertThat(JavaScriptCatalogers.packageLock().tags())
                .contains(CatalogTag.DECLARED)
                .doesNotContain(CatalogTag.IMAGE);
    }
}
