package dev.assay.catalog.java;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
import static dev.assay.catalog.CatalogTesting.purls;
import static dev.assay.catalog.java.MavenPomCatalogerTest.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Evidence;
import dev.assay.model.Scope;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradleLockfileParserTest {
    private final Cataloger cataloger = JavaCatalogers.gradleLockfileCataloger();

    @TempDir
    Path temp;

    @Test
    void catalog_syftLockfiles_readsModulesWithScopes() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "java/gradle"));

        assertThat(purls(result))
                .containsExactly(
                        "pkg:maven/joda-time/joda-time@2.2",
                        "pkg:maven/junit/junit@4.12",
                        "pkg:maven/org.apache.commons/commons-text@1.8",
                        "pkg:maven/org.hamcrest/hamcrest-core@1.3");
        assertThat(component(result, "pkg:maven/joda-time/joda-time@2.2").scope())
                .isEqualTo(Scope.REQUIRED);
        assertThat(component(result, "pkg:maven/junit/junit@4.12").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(component(result, "pkg:maven/org.apache.commons/commons-text@1.8")
                        .scope())
                .isEqualTo(Scope.OPTIONAL);
        assertThat(component(result, "pkg:maven/joda-time/joda-time@2.2").evidence())
                .extracting(Evidence::versionSource)
                .containsOnly("gradle.lockfile");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void scope_byConfigurations_followsWhatShips() {
        assertThat(GradleLockfileParser.scope(List.of("testCompileClasspath", "testRuntimeClasspath")))
                .isEqualTo(Scope.EXCLUDED);
        assertThat(GradleLockfileParser.scope(List.of("annotationProcessor"))).isEqualTo(Scope.EXCLUDED);
        assertThat(GradleLockfileParser.scope(List.of("compileClasspath", "testCompileClasspath")))
                .isEqualTo(Scope.OPTIONAL);
        assertThat(GradleLockfileParser.scope(List.of("releaseRuntimeClasspath")))
                .isEqualTo(Scope.REQUIRED);
    }

    @Test
    void catalog_buildscriptLockfile_isBuildOnly() throws IOException {
        write("buildscript-gradle.lockfile", "com.diffplug.spotless:spotless-plugin-gradle:6.25.0=classpath\n");

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(component(result, "pkg:maven/com.diffplug.spotless/spotless-plugin-gradle@6.25.0")
                        .scope())
                .isEqualTo(Scope.EXCLUDED);
    }

    @Test
    void catalog_truncatedLockfile_keepsGoodLinesAndReportsTheBadOne() throws IOException {
        write("gradle.lockfile", "joda-time:joda-time:2.2=runtimeClasspath\norg.apache.commons:commons-te");

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/joda-time/joda-time@2.2");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("gradle.lockfile");
            assertThat(unknown.reason()).contains("line 2");
        });
    }

    @Test
    void catalog_binaryGarbage_reportsOneUnknown() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(temp.resolve("gradle.lockfile"), garbage);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).hasSize(1);
    }

    @Test
    void catalog_lockfileOverFileLimit_reportsUnknown() throws IOException {
        write("gradle.lockfile", "joda-time:joda-time:2.2=runtimeClasspath\n".repeat(100));

        CatalogResult result = catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(1000));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.reason())
                .singleElement()
                .asString()
                .contains("limit");
    }

    private void write(String path, String content) throws IOException {
        Files.writeString(temp.resolve(path), content, StandardCharsets.UTF_8);
    }
}
