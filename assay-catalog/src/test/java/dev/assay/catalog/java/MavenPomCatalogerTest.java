package dev.assay.catalog.java;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
import static dev.assay.catalog.CatalogTesting.purls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Evidence;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.RelationshipType;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenPomCatalogerTest {
    private final MavenPomCataloger cataloger = new MavenPomCataloger();

    @TempDir
    Path temp;

    @Test
    void catalog_childOfTwoParents_resolvesPropertiesManagementAndInheritedDependencies() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "java/pom/syft-local"));

        Purl child = Purl.parse("pkg:maven/my.org/child-one@1.3.6");
        assertThat(dependenciesOf(result, child))
                .containsExactlyInAnyOrder(
                        "pkg:maven/org.apache.commons/commons-lang3@3.12.0",
                        "pkg:maven/org.apache.commons/commons-text@1.12.0",
                        "pkg:maven/org.apache.commons/commons-collections4@4.2",
                        "pkg:maven/junit/junit@4.12");
        assertThat(component(result, "pkg:maven/junit/junit@4.12").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(component(result, "pkg:maven/my.org/child-one@1.3.6").kind()).isEqualTo(ComponentKind.LIBRARY);
        assertThat(component(result, "pkg:maven/my.org/parent-two@13.7.8").kind())
                .isEqualTo(ComponentKind.APPLICATION);
        assertThat(component(result, "pkg:maven/my.org/parent-two@13.7.8").licenses())
                .containsExactly("Eclipse Public License v2.0");
        assertThat(versionSources(result, "pkg:maven/org.apache.commons/commons-lang3@3.12.0"))
                .contains(
                        "dependencyManagement of parent my.org:parent-one, property commons.lang3.version of pom.xml");
        assertThat(versionSources(result, "pkg:maven/org.apache.commons/commons-text@1.12.0"))
                .contains("dependency inherited from parent my.org:parent-one, property commons.text.version of"
                        + " parent my.org:parent-two");
    }

    @Test
    void catalog_parentByDirectoryOrCoordinates_inheritsCiFriendlyVersion() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "java/pom/syft-local"));

        // child-2 names ../parent-3 (a directory); child-3 names a missing path and is matched by coordinates.
        assertThat(purls(result)).contains("pkg:maven/my.org/child-two@3.3.3", "pkg:maven/my.org/child-three@3.3.3");
    }

    @Test
    void catalog_unresolvableCoordinates_reportsUnknownOrUnresolvedVersion() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "java/pom/syft-local"));

        Component something = component(result, "pkg:maven/my.org/something");
        assertThat(something.version()).isEmpty();
        assertThat(something.property(MavenPomCataloger.UNRESOLVED_VERSION)).contains("${unresolvable}");
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .contains("circular-1/pom.xml", "contains-child-1/pom.xml");
    }

    @Test
    void catalog_importedBomAndParentManagement_resolveVersionsWithSources() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "java/pom/bom-import"));
        Purl app = Purl.parse("pkg:maven/com.example/shop-app@1.0.0");

        assertThat(component(result, app.toString()).kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(component(result, app.toString()).licenses()).containsExactly("Apache-2.0");
        assertThat(dependenciesOf(result, app))
                .containsExactlyInAnyOrder(
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                        // the parent's own management wins over the imported BOM's 2.0.0
                        "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10",
                        "pkg:maven/javax.servlet/javax.servlet-api@4.0.1",
                        "pkg:maven/org.projectlombok/lombok@1.18.30",
                        "pkg:maven/com.google.guava/guava",
                        "pkg:maven/org.springframework/spring-core",
                        "pkg:maven/org.apache.commons/commons-lang3",
                        "pkg:maven/com.example/shop-test-support@1.0.0?classifier=tests&type=test-jar",
                        "pkg:maven/junit/junit@4.13.2",
                        "pkg:maven/org.slf4j/slf4j-api@1.7.36");
        assertThat(versionSources(result, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"))
                .containsExactly("dependencyManagement of BOM com.example:shop-bom:1.0.0");
        assertThat(versionSources(result, "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10"))
                .containsExactly("dependencyManagement of parent com.example:shop-parent, property jackson.version of"
                        + " parent com.example:shop-parent");
        assertThat(versionSources(result, "pkg:maven/javax.servlet/javax.servlet-api@4.0.1"))
                .containsExactly("pom.xml property servlet.version");
        assertThat(component(result, "pkg:maven/javax.servlet/javax.servlet-api@4.0.1")
                        .scope())
                .isEqualTo(Scope.OPTIONAL);
        assertThat(component(result, "pkg:maven/org.projectlombok/lombok@1.18.30")
                        .scope())
                .isEqualTo(Scope.OPTIONAL);
        assertThat(component(result, "pkg:maven/junit/junit@4.13.2").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(component(result, "pkg:maven/com.google.guava/guava").property(MavenPomCataloger.UNRESOLVED_VERSION))
                .contains("${guava.version}");
        assertThat(component(result, "pkg:maven/org.apache.commons/commons-lang3")
                        .property(MavenPomCataloger.UNRESOLVED_VERSION))
                .contains("[3.0,4.0)");
        assertThat(component(result, "pkg:maven/org.springframework/spring-core")
                        .property(MavenPomCataloger.UNRESOLVED_VERSION))
                .isPresent();
        assertThat(result.relationships())
                .contains(
                        Relationship.contains(
                                Purl.parse("pkg:maven/com.example/shop-parent@1.0.0"),
                                Purl.parse("pkg:maven/com.example/shop-bom@1.0.0")),
                        Relationship.contains(Purl.parse("pkg:maven/com.example/shop-parent@1.0.0"), app));
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_cyclicParentsAndProperties_terminates() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "java/pom/cycle"));

        assertThat(purls(result))
                .contains(
                        "pkg:maven/com.example.cycle/a@1",
                        "pkg:maven/com.example.cycle/b@1",
                        "pkg:maven/com.example/ping");
        assertThat(component(result, "pkg:maven/com.example/ping").property(MavenPomCataloger.UNRESOLVED_VERSION))
                .isPresent();
    }

    @Test
    void catalog_parentIsItself_terminates() throws IOException {
        write("self/pom.xml", """
                <project><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>g</groupId><artifactId>self</artifactId><version>1</version>
                    <relativePath>pom.xml</relativePath></parent>
                  <artifactId>self</artifactId>
                </project>""");

        assertThat(purls(catalogDirectory(cataloger, temp))).containsExactly("pkg:maven/g/self@1");
    }

    @Test
    void catalog_singleModule_emitsApplicationAndDependencies() {
        CatalogResult result =
                catalogDirectory(cataloger, Fixtures.path(getClass(), "java/pom/example-java-app-maven"));

        assertThat(purls(result))
                .containsExactly(
                        "pkg:maven/com.joda/joda-time@2.9.2",
                        "pkg:maven/junit/junit@4.12",
                        "pkg:maven/org.anchore/example-java-app-maven@0.1.0");
        assertThat(component(result, "pkg:maven/org.anchore/example-java-app-maven@0.1.0")
                        .kind())
                .isEqualTo(ComponentKind.APPLICATION);
        assertThat(versionSources(result, "pkg:maven/com.joda/joda-time@2.9.2")).containsExactly("pom.xml");
    }

    @Test
    void catalog_log4j2At2141_findsVulnerableLog4jCore() {
        Path tree = Corpora.require("lockfiles/maven-multimodule/apache-logging-log4j2/rel-2.14.1");

        CatalogResult result = catalogDirectory(cataloger, tree);

        assertThat(purls(result))
                .contains(
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                        "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1");
        // log4j-slf4j-impl declares log4j-core without a version; the root POM's management supplies it.
        assertThat(dependenciesOf(result, Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-slf4j-impl@2.14.1")))
                .contains("pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_log4j2Head_resolvesRevisionAndNoVulnerableCore() {
        Path tree = Corpora.require("lockfiles/maven-multimodule/apache-logging-log4j2/2.x-HEAD-ecf1f41c99c6");

        CatalogResult result = catalogDirectory(cataloger, tree);

        List<String> cores = purls(result).stream()
                .filter(purl -> purl.startsWith("pkg:maven/org.apache.logging.log4j/log4j-core@"))
                .toList();
        assertThat(cores).isNotEmpty().noneMatch(purl -> purl.contains("@2.14"));
        assertThat(cores).allMatch(purl -> !purl.contains("${"));
    }

    @Test
    void catalog_corruptPom_reportsUnknownNamingIt() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "java/pom/corrupt"));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("pom.xml");
            assertThat(unknown.catalogerId()).isEqualTo(MavenPomCataloger.ID);
        });
    }

    @Test
    void catalog_externalEntity_isRejectedWithoutReadingTheFile() throws IOException {
        write("pom.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <project><groupId>g</groupId><artifactId>&secret;</artifactId><version>1</version></project>""");

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .extracting(Unknown::reason)
                .singleElement()
                .asString()
                .contains("pom.xml");
    }

    @Test
    void catalog_billionLaughs_isRejected() throws IOException {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level < 10; level++) {
            entities.append("<!ENTITY lol%d \"&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;\">"
                    .formatted(
                            level, level - 1, level - 1, level - 1, level - 1, level - 1, level - 1, level - 1,
                            level - 1, level - 1, level - 1));
        }
        write(
                "pom.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE project [" + entities
                        + "]><project><groupId>g</groupId><artifactId>&lol9;</artifactId><version>1</version></project>");

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).hasSize(1);
    }

    @Test
    void catalog_propertyBomb_staysUnresolvedInsteadOfExploding() throws IOException {
        StringBuilder properties = new StringBuilder("<p0>lol</p0>");
        for (int level = 1; level < 64; level++) {
            properties.append("<p%d>${p%d}${p%d}</p%d>".formatted(level, level - 1, level - 1, level));
        }
        write(
                "pom.xml",
                "<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version><properties>"
                        + properties + "</properties><dependencies><dependency><groupId>x</groupId><artifactId>y"
                        + "</artifactId><version>${p63}</version></dependency></dependencies></project>");

        CatalogResult result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> catalogDirectory(cataloger, temp));

        assertThat(component(result, "pkg:maven/x/y").property(MavenPomCataloger.UNRESOLVED_VERSION))
                .isPresent();
    }

    @Test
    void catalog_truncatedPom_reportsUnknown() throws IOException {
        String full = Files.readString(Fixtures.path(getClass(), "java/pom/example-java-app-maven/pom.xml"));
        write("pom.xml", full.substring(0, full.length() / 2));

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactly("pom.xml");
    }

    @Test
    void catalog_pomOverFileLimit_reportsUnknownAndKeepsOthers() throws IOException {
        write(
                "big/pom.xml",
                "<project><groupId>g</groupId><artifactId>big</artifactId><version>1</version>" + "<!--"
                        + "x".repeat(2000) + "--></project>");
        write(
                "small/pom.xml",
                "<project><groupId>g</groupId><artifactId>small</artifactId><version>1</version>" + "</project>");

        CatalogResult result = catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(1000));

        assertThat(purls(result)).containsExactly("pkg:maven/g/small@1");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("big/pom.xml");
            assertThat(unknown.reason()).contains("limit");
        });
    }

    private void write(String path, String content) throws IOException {
        Path file = temp.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static Component component(CatalogResult result, String purl) {
        return result.components().stream()
                .filter(component -> component.bomRef().equals(purl))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + purl + " in " + purls(result)));
    }

    static List<String> dependenciesOf(CatalogResult result, Purl from) {
        return result.relationships().stream()
                .filter(edge -> edge.from().equals(from) && edge.type() == RelationshipType.DEPENDS_ON)
                .map(edge -> edge.to().toString())
                .toList();
    }

    private static List<String> versionSources(CatalogResult result, String purl) {
        return component(result, purl).evidence().stream()
                .map(Evidence::versionSource)
                .toList();
    }
}
