package dev.assay.catalog.python;

import static dev.assay.catalog.python.PythonTestResults.component;
import static dev.assay.catalog.python.PythonTestResults.edges;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledPackagesCatalogerTest {
    private final Cataloger cataloger = PythonCatalogers.installed();

    @TempDir
    Path temp;

    private CatalogResult catalogFixture() {
        return CatalogTesting.catalogRootfs(cataloger, Fixtures.path(getClass(), "python/installed/site"), null);
    }

    @Test
    void catalog_distInfoAndEggInfo_everyInstalledPackage() {
        CatalogResult result = catalogFixture();

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:pypi/python-apt@2.4.0",
                        "pkg:pypi/pyyaml@6.0.1",
                        "pkg:pypi/requests@2.31.0",
                        "pkg:pypi/six@1.16.0",
                        "pkg:pypi/urllib3@1.26.18",
                        "pkg:pypi/urllib3@2.0.7");
        assertThat(result.unknowns()).isEmpty();
        Component yaml = component(result, "pkg:pypi/pyyaml@6.0.1");
        assertThat(yaml.name()).isEqualTo("PyYAML");
        assertThat(yaml.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.location().path())
                    .isEqualTo("lib/python3.11/site-packages/PyYAML-6.0.1.dist-info/METADATA");
            assertThat(evidence.versionSource()).isEqualTo("METADATA Version");
            assertThat(evidence.catalogerId()).isEqualTo("python-installed-cataloger");
        });
        assertThat(component(result, "pkg:pypi/six@1.16.0").evidence().first().versionSource())
                .isEqualTo("PKG-INFO Version");
    }

    @Test
    void catalog_licenses_expressionThenFieldThenClassifiers() {
        CatalogResult result = catalogFixture();

        assertThat(component(result, "pkg:pypi/urllib3@2.0.7").licenses()).containsExactly("MIT");
        assertThat(component(result, "pkg:pypi/requests@2.31.0").licenses()).containsExactly("Apache 2.0");
        // A multi-line License field is the license text: the classifier names it instead.
        assertThat(component(result, "pkg:pypi/pyyaml@6.0.1").licenses()).containsExactly("MIT");
        assertThat(component(result, "pkg:pypi/six@1.16.0").licenses()).containsExactly("MIT");
        assertThat(component(result, "pkg:pypi/python-apt@2.4.0").licenses()).containsExactly("GNU GPL");
    }

    @Test
    void catalog_requiresDist_edgesOnlyWithinOneEnvironment() {
        CatalogResult result = catalogFixture();

        assertThat(edges(result)).containsExactly("pkg:pypi/requests@2.31.0 -> pkg:pypi/urllib3@2.0.7");
    }

    @Test
    void tags_runOnImagesAndDirectories() {
        assertThat(cataloger.tags())
                .contains(CatalogTag.IMAGE, CatalogTag.DIRECTORY, CatalogTag.INSTALLED, CatalogTag.ECOSYSTEM_PYTHON);
        assertThat(cataloger.id()).isEqualTo("python-installed-cataloger");
    }

    @Test
    void catalog_eggRequiresTxt_edges() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site-packages"));
        Path egg = Files.createDirectories(site.resolve("app-1.0-py3.11.egg-info"));
        Files.writeString(egg.resolve("PKG-INFO"), "Metadata-Version: 2.1\nName: app\nVersion: 1.0\n");
        Files.writeString(egg.resolve("requires.txt"), "idna>=2\n\n[socks]\nPySocks\n");
        Path idna = Files.createDirectories(site.resolve("idna-3.4.dist-info"));
        Files.writeString(idna.resolve("METADATA"), "Name: idna\nVersion: 3.4\n");
        Path socks = Files.createDirectories(site.resolve("PySocks-1.7.1.dist-info"));
        Files.writeString(socks.resolve("METADATA"), "Name: PySocks\nVersion: 1.7.1\n");

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(edges(result))
                .containsExactly("pkg:pypi/app@1.0 -> pkg:pypi/idna@3.4", "pkg:pypi/app@1.0 -> pkg:pypi/pysocks@1.7.1");
    }

    @Test
    void catalog_metadataWithoutNameOrVersion_unknownNamingTheFile() throws IOException {
        Path info = Files.createDirectories(temp.resolve("site-packages/broken-1.0.dist-info"));
        Files.writeString(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: broken\n");
        Path garbage = Files.createDirectories(temp.resolve("site-packages/garbage.dist-info"));
        Files.write(
                garbage.resolve("METADATA"),
                new byte[] {(byte) 0xff, (byte) 0xfe, 'N', 'a', 'm', 'e', ':', (byte) 0xc3});
        Path fine = Files.createDirectories(temp.resolve("site-packages/fine-1.0.dist-info"));
        Files.writeString(fine.resolve("METADATA"), "Name: fine\nVersion: 1.0\n");

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/fine@1.0");
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactly(
                        "site-packages/broken-1.0.dist-info/METADATA", "site-packages/garbage.dist-info/METADATA");
    }

    @Test
    void catalog_overSizeMetadata_unknown() throws IOException {
        Path info = Files.createDirectories(temp.resolve("site-packages/big-1.0.dist-info"));
        Files.writeString(
                info.resolve("METADATA"), "Name: big\nVersion: 1.0\n\n" + "x".repeat(10_000), StandardCharsets.UTF_8);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(1000));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("larger than the limit"));
    }
}
