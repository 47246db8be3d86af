package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.catalog.ProgressListener;
import dev.assay.model.Component;
import dev.assay.model.InvalidInputException;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.testkit.ProjectRoot;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryEngineTest {
    private static final Purl SUBJECT = Purl.of(PackageType.GENERIC, null, "app", null);
    private static final Purl ROOT = Purl.of(PackageType.NPM, null, "app", "1.0.0");
    private static final Purl DIRECT = Purl.of(PackageType.NPM, null, "lodash", "4.17.15");
    private static final Purl LONE = Purl.of(PackageType.PYPI, null, "requests", "2.19.1");

    @Test
    void withSubjectEdges_subjectDependsOnEveryGraphRootOnly() {
        List<Component> components = List.of(component(ROOT), component(DIRECT), component(LONE));

        List<Relationship> edges = InventoryEngine.withSubjectEdges(
                component(SUBJECT), components, List.of(Relationship.dependsOn(ROOT, DIRECT)));

        assertThat(edges)
                .containsExactlyInAnyOrder(
                        Relationship.dependsOn(ROOT, DIRECT),
                        Relationship.dependsOn(SUBJECT, ROOT),
                        Relationship.dependsOn(SUBJECT, LONE));
    }

    @Test
    void inventory_bundledSample_findsEveryEcosystemWithItsGraph() {
        String sample = ProjectRoot.require().resolve("samples/webapp").toString();

        Sbom sbom = InventoryEngine.withDefaults().inventory(InventoryRequest.of(sample), ProgressListener.NONE);

        assertThat(sbom.components())
                .extracting(Component::bomRef)
                .contains(
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                        "pkg:npm/lodash@4.17.15",
                        "pkg:pypi/pyyaml@5.3",
                        "pkg:golang/github.com/gin-gonic/gin@v1.5.0",
                        "pkg:cargo/smallvec@1.6.0");
        assertThat(sbom.relationships())
                .contains(Relationship.dependsOn(
                        Purl.parse("pkg:npm/webapp-frontend@1.0.0"), Purl.parse("pkg:npm/lodash@4.17.15")));
        assertThat(sbom.unknowns()).isEmpty();
    }

    @Test
    void inventory_missingTarget_isAnInputError() {
        assertThatThrownBy(() -> InventoryEngine.withDefaults()
                        .inventory(InventoryRequest.of("/no/such/place"), ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/no/such/place");
    }

    private static Component component(Purl purl) {
        return Component.builder(purl).build();
    }
}
