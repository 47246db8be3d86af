package dev.assay.catalog.dotnet;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
import static dev.assay.catalog.CatalogTesting.catalogRootfs;
import static dev.assay.catalog.CatalogTesting.purls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotNetParsersTest {
    private final Cataloger lock = DotNetCatalogers.packagesLock();
    private final Cataloger config = DotNetCatalogers.packagesConfig();
    private final Cataloger deps = DotNetCatalogers.depsJson();

    @TempDir
    Path temp;

    private static Component component(CatalogResult result, String purl) {
        return result.components().stream()
                .filter(component -> component.bomRef().equals(purl))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + purl + " in " + purls(result)));
    }

    private static Relationship edge(String from, String to) {
        return Relationship.dependsOn(Purl.parse(from), Purl.parse(to));
    }

    @Test
    void parseLock_projectRootDirectEdgesContentHashAndGraph() {
        CatalogResult result = catalogDirectory(lock, Fixtures.path(getClass(), "dotnet/lock"));

        assertThat(purls(result))
                .containsExactly(
                        "pkg:nuget/AutoMapper@13.0.1",
                        "pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@9.0.0",
                        "pkg:nuget/Microsoft.Extensions.Logging@9.0.0",
                        "pkg:nuget/Microsoft.Extensions.Options@9.0.0",
                        "pkg:nuget/Microsoft.Extensions.Primitives@9.0.0",
                        "pkg:nuget/System.Runtime.CompilerServices.Unsafe@9.0.0",
                        "pkg:nuget/WebApp",
                        "pkg:nuget/bootstrap@5.0.0",
                        "pkg:nuget/log4net@1.2.15",
                        "pkg:nuget/log4net@2.0.5");
        assertThat(component(result, "pkg:nuget/WebApp").kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(component(result, "pkg:nuget/AutoMapper@13.0.1").hashes())
                .containsExactly(new Hash(
                        HashAlgorithm.SHA512,
                        "fc5c7549b275eaa4bb754e22eb4e1295ef94f552d7f9648d54982093a32ea4a5"
                                + "6462fbc19b85ea61a785b9febb7621de7c7287b39d2e4084b66040c584f09a91"));
        assertThat(result.relationships().stream()
                        .filter(edge -> edge.from().toString().equals("pkg:nuget/WebApp")))
                .hasSize(5); // four Direct in net8.0, plus log4net 1.2.15 of .netcore2.0
        // AutoMapper asks for Options 6.0.0; the lock resolved Options to 9.0.0 for this framework
        assertThat(result.relationships())
                .contains(
                        edge("pkg:nuget/AutoMapper@13.0.1", "pkg:nuget/Microsoft.Extensions.Options@9.0.0"),
                        edge(
                                "pkg:nuget/Microsoft.Extensions.Options@9.0.0",
                                "pkg:nuget/Microsoft.Extensions.Primitives@9.0.0"));
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parseLock_realLocks_parseWithoutUnknowns() throws IOException {
        for (String name : new String[] {"packages.lock.json", "packages2.lock.json", "packages3.lock.json"}) {
            Path directory = Files.createDirectories(temp.resolve(name));
            Files.copy(Corpora.require("lockfiles/cdxgen-test-data/" + name), directory.resolve("packages.lock.json"));
        }

        CatalogResult result = catalogDirectory(lock, temp);

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components())
                .hasSizeGreaterThan(20)
                .allMatch(component -> !component.hashes().isEmpty()
                        || component
                                .property("assay:nuget-dependency-type")
                                .orElse("")
                                .equals("Project"));
    }

    @Test
    void parseDepsJson_applicationProjectsPackagesSha512AndGraph() {
        CatalogResult result = catalogRootfs(deps, Fixtures.path(getClass(), "dotnet/app"), null);

        assertThat(result.components()).hasSize(14);
        assertThat(component(result, "pkg:nuget/TestLibrary@1.0.0").kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(component(result, "pkg:nuget/TestCommon@1.0.0").kind()).isEqualTo(ComponentKind.LIBRARY);
        assertThat(component(result, "pkg:nuget/Newtonsoft.Json@13.0.1").hashes())
                .containsExactly(new Hash(
                        HashAlgorithm.SHA512,
                        "a693c5a4172fc5db1f5289cd72f2132aa2e5ddbab159b0c2648cc3587ce3a5d0"
                                + "074457d97b40f0f47980d3ecdad7721dcab809c299034c303d7c76b13abb76d0"));
        assertThat(result.relationships())
                .contains(
                        edge("pkg:nuget/TestLibrary@1.0.0", "pkg:nuget/Newtonsoft.Json@13.0.1"),
                        edge("pkg:nuget/TestLibrary@1.0.0", "pkg:nuget/TestCommon@1.0.0"),
                        edge(
                                "pkg:nuget/Microsoft.Extensions.DependencyInjection@6.0.0",
                                "pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0"));
    }

    @Test
    void parseDepsJson_referenceAssemblies_areNotPackages() {
        CatalogResult result = catalogRootfs(deps, Fixtures.path(getClass(), "dotnet/refasm"), null);

        assertThat(purls(result)).containsExactly("pkg:nuget/MyApp@1.0.0", "pkg:nuget/Newtonsoft.Json@13.0.3");
    }

    @Test
    void parseConfig_allPackagesDevelopmentDependencyExcluded() throws IOException {
        CatalogResult real = catalogDirectory(config, Fixtures.path(getClass(), "dotnet/config"));
        assertThat(real.components()).hasSize(21);
        assertThat(component(real, "pkg:nuget/Newtonsoft.Json@8.0.3").property("assay:nuget-target-framework"))
                .contains("net461");

        Files.writeString(
                temp.resolve("packages.config"),
                "<?xml version=\"1.0\"?>\n<packages>\n  <package id=\"StyleCop.Analyzers\" version=\"1.1.118\""
                        + " developmentDependency=\"true\" />\n  <package id=\"bad id\" version=\"1\" />\n</packages>\n",
                StandardCharsets.UTF_8);
        CatalogResult own = catalogDirectory(config, temp);
        assertThat(own.components()).singleElement().satisfies(component -> {
            assertThat(component.bomRef()).isEqualTo("pkg:nuget/StyleCop.Analyzers@1.1.118");
            assertThat(component.scope()).isEqualTo(Scope.EXCLUDED);
        });
        assertThat(own.unknowns()).hasSize(1);
    }

    @Test
    void parseConfig_xxeAndBillionLaughs_areRejected() throws IOException {
        Files.writeString(
                temp.resolve("packages.config"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE packages [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
                        + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                        + "<packages><package id=\"&xxe;\" version=\"&b;\"/></packages>",
                StandardCharsets.UTF_8);

        CatalogResult result = catalogDirectory(config, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.location().path()).isEqualTo("packages.config"));
    }

    @Test
    void parseLockAndDeps_malformedTruncatedWrongShapes_areUnknowns() throws IOException {
        Path truncated = Files.createDirectories(temp.resolve("truncated"));
        Files.writeString(
                truncated.resolve("packages.lock.json"),
                "{\"version\": 1, \"dependencies\": {\"net8.0\": {",
                StandardCharsets.UTF_8);
        Path shapes = Files.createDirectories(temp.resolve("shapes"));
        Files.writeString(
                shapes.resolve("packages.lock.json"),
                "{\"dependencies\": {\"net8.0\": {\"Good\": {\"type\": \"Direct\", \"resolved\": \"1.0.0\","
                        + " \"contentHash\": \"not base64!\", \"dependencies\": [1]}, \"../evil\": {\"resolved\": \"1\"},"
                        + " \"NoVersion\": {\"type\": \"Transitive\"}}, \"net6.0\": 7}}",
                StandardCharsets.UTF_8);
        Path invalid = Files.createDirectories(temp.resolve("invalid"));
        Files.write(invalid.resolve("packages.lock.json"), new byte[] {'{', (byte) 0xc3, '}'});
        Path array = Files.createDirectories(temp.resolve("array"));
        Files.writeString(array.resolve("App.deps.json"), "[1, 2]", StandardCharsets.UTF_8);

        CatalogResult locks = catalogDirectory(lock, temp);
        CatalogResult depsResult = catalogDirectory(deps, temp);

        assertThat(purls(locks)).containsExactly("pkg:nuget/Good@1.0.0");
        assertThat(locks.components().get(0).hashes()).isEmpty();
        assertThat(locks.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactlyInAnyOrder(
                        "invalid/packages.lock.json",
                        "shapes/packages.lock.json",
                        "shapes/packages.lock.json",
                        "truncated/packages.lock.json");
        assertThat(depsResult.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.location().path()).isEqualTo("array/App.deps.json"));
    }

    @Test
    void parseLock_overSize_isUnknown() throws IOException {
        Files.writeString(temp.resolve("packages.lock.json"), " ".repeat(5000) + "{}", StandardCharsets.UTF_8);

        CatalogResult result = CatalogTesting.catalogDirectory(lock, temp, Limits.DEFAULT.withMaxFileBytes(1000));

        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("limit"));
    }

    @Test
    void parseLock_projectInFolderWithGlobCharacters_isStillFound() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("src/App[1]{x}"));
        Files.writeString(folder.resolve("Shop.csproj"), "<Project/>", StandardCharsets.UTF_8);
        Files.writeString(
                folder.resolve("packages.lock.json"),
                "{\"version\": 1, \"dependencies\": {\"net8.0\": {\"Serilog\": {\"type\": \"Direct\","
                        + " \"resolved\": \"3.1.1\"}}}}",
                StandardCharsets.UTF_8);

        CatalogResult result = catalogDirectory(lock, temp);

        assertThat(result.relationships()).containsExactly(edge("pkg:nuget/Shop", "pkg:nuget/Serilog@3.1.1"));
    }
}
