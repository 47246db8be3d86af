package dev.assay.catalog.python;

import static dev.assay.catalog.python.PythonTestResults.component;
import static dev.assay.catalog.python.PythonTestResults.evidencePaths;
import static dev.assay.catalog.python.PythonTestResults.hashes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.Scope;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsFileParserTest {
    private final Cataloger cataloger = PythonCatalogers.requirements();

    @TempDir
    Path temp;

    private CatalogResult catalog(String fixture) {
        return CatalogTesting.catalogDirectory(cataloger, Fixtures.path(getClass(), "python/requirements/" + fixture));
    }

    @Test
    void parse_pinsExtrasMarkersHashesAndIncludes_exactComponents() {
        CatalogResult result = catalog("includes");

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:pypi/certifi@2023.7.22",
                        "pkg:pypi/click",
                        "pkg:pypi/django@4.2.7",
                        "pkg:pypi/flask@2.3.3",
                        "pkg:pypi/idna@3.4",
                        "pkg:pypi/pyyaml@5.3",
                        "pkg:pypi/requests@2.31.0",
                        "pkg:pypi/six@1.16.0",
                        "pkg:pypi/urllib3@2.0.7",
                        "pkg:pypi/zope-interface@6.1");
        assertThat(result.unknowns()).isEmpty();
        assertThat(result.relationships()).isEmpty();

        Component yaml = component(result, "pkg:pypi/pyyaml@5.3");
        assertThat(yaml.name()).isEqualTo("PyYAML");
        assertThat(yaml.version()).isEqualTo("5.3");
        assertThat(yaml.scope()).isEqualTo(Scope.REQUIRED);
        assertThat(yaml.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.catalogerId()).isEqualTo("python-requirements-cataloger");
            assertThat(evidence.location().path()).isEqualTo("requirements.txt");
            assertThat(evidence.versionSource()).isEqualTo("requirements file");
        });

        assertThat(component(result, "pkg:pypi/zope-interface@6.1").name()).isEqualTo("zope.interface");
        assertThat(component(result, "pkg:pypi/requests@2.31.0").property("assay:environment-marker"))
                .contains("python_version >= \"3.7\"");
        assertThat(hashes(component(result, "pkg:pypi/django@4.2.7")))
                .containsExactly(
                        "SHA256:8e0f1c2c2786b5c0e39fe1afce24c926040fad47c8ea8ad30aaf1188df29fc41",
                        "SHA256:e1d37c51ad26186de355cbcec16613ebdabfa9689bbade9c538835205a8abbe9");
        assertThat(evidencePaths(component(result, "pkg:pypi/idna@3.4"))).containsExactly("sub/base.txt");
    }

    @Test
    void parse_unpinnedLines_useConstraintsPinOrStayVersionless() {
        CatalogResult result = catalog("includes");

        Component flask = component(result, "pkg:pypi/flask@2.3.3");
        assertThat(flask.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.location().path()).isEqualTo("requirements.txt");
            assertThat(evidence.versionSource()).isEqualTo("constraints file constraints.txt");
        });
        assertThat(flask.property("assay:version-constraint")).isEmpty();

        Component click = component(result, "pkg:pypi/click");
        assertThat(click.version()).isEmpty();
        assertThat(click.property("assay:version-constraint")).contains("*");
    }

    @Test
    void parse_urlRequirements_versionOnlyFromFileName() {
        CatalogResult result = catalog("includes");

        Component six = component(result, "pkg:pypi/six@1.16.0");
        assertThat(six.evidence().first().versionSource()).isEqualTo("file name");
        assertThat(six.property("assay:download-url"))
                .contains("https://files.pythonhosted.org/packages/py3/s/six/six-1.16.0-py2.py3-none-any.whl");
        assertThat(component(result, "pkg:pypi/certifi@2023.7.22").name()).isEqualTo("certifi");
        assertThat(CatalogTesting.purls(result)).noneMatch(purl -> purl.contains("project") || purl.contains("other"));
    }

    @Test
    void parse_rangeWithoutConstraint_keepsConstraintProperty(@TempDir Path directory) throws IOException {
        Files.writeString(
                directory.resolve("requirements.txt"),
                "sqlalchemy >= 1.0.0, <= 2.0.0\nsqlalchemy==1.4.0\nnumpy~=1.26\n",
                StandardCharsets.UTF_8);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, directory);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/numpy", "pkg:pypi/sqlalchemy@1.4.0");
        assertThat(component(result, "pkg:pypi/numpy").property("assay:version-constraint"))
                .contains("~=1.26");
    }

    @Test
    void parse_includeCycle_terminatesWithBothFiles() {
        CatalogResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catalog("cycle"));

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/alpha@1.0", "pkg:pypi/beta@2.0");
        assertThat(evidencePaths(component(result, "pkg:pypi/beta@2.0"))).containsExactly("other.txt");
    }

    @Test
    void parse_devRequirementsFile_excludedUnlessAlsoRequired() {
        CatalogResult result = catalog("dev");

        assertThat(component(result, "pkg:pypi/pytest@7.4.0").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(component(result, "pkg:pypi/attrs@23.1.0").scope()).isEqualTo(Scope.REQUIRED);
    }

    @Test
    void isDevFile_namesOfDevelopmentFiles_recognized() {
        assertThat(RequirementsFileParser.isDevFile("a/requirements-dev.txt")).isTrue();
        assertThat(RequirementsFileParser.isDevFile("test-requirements.txt")).isTrue();
        assertThat(RequirementsFileParser.isDevFile("requirements/docs.txt")).isTrue();
        assertThat(RequirementsFileParser.isDevFile("requirements.txt")).isFalse();
        assertThat(RequirementsFileParser.isDevFile("requirements/prod.txt")).isFalse();
        assertThat(RequirementsFileParser.isDevFile("requirements-latest.txt")).isFalse();
    }

    @Test
    void parse_proseNamedRequirements_unknownAndNoComponents() {
        CatalogResult result = catalog("prose");

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("requirements.txt");
            assertThat(unknown.reason()).contains("does not look like a pip requirements file");
        });
    }

    @Test
    void parse_syftFixture_exactPins() {
        CatalogResult result = catalog("syft");

        assertThat(result.components().stream()
                        .filter(component -> !component.version().isEmpty())
                        .map(Component::bomRef)
                        .sorted())
                .containsExactly(
                        "pkg:pypi/argh@0.26.2",
                        "pkg:pypi/argh@0.26.3",
                        "pkg:pypi/celery@4.4.7",
                        "pkg:pypi/dots-allowed@1.0.0",
                        "pkg:pypi/flask@4.0.0",
                        "pkg:pypi/foo@1.0.0",
                        "pkg:pypi/friendly-bard@1.0.0",
                        "pkg:pypi/githubsampleproject@3.7.1",
                        "pkg:pypi/local-version@1.2.3%2Bgcr.2",
                        "pkg:pypi/someproject@5.4",
                        "pkg:pypi/urllib3@1.26.20");
        assertThat(hashes(component(result, "pkg:pypi/argh@0.26.3"))).hasSize(2);
        assertThat(component(result, "pkg:pypi/friendly-bard@1.0.0").name()).isEqualTo("FrIeNdLy-_-bArD");
        assertThat(component(result, "pkg:pypi/someproject@5.4").property("assay:environment-marker"))
                .contains("python_version < '3.8'");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_pipCompileCorpus_everyPinWithHashes() {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/requirements-lock.linux_py3.txt");

        CatalogResult result = CatalogTesting.catalogFile(cataloger, copyAs(corpus, "requirements.txt"));

        long pins =
                result.components().stream().filter(c -> !c.version().isEmpty()).count();
        assertThat(pins).isEqualTo(expectedPins(corpus));
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.hashes()).isNotEmpty());
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_commentedPipCompileCorpus_allPinned() {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/requirements.comments.txt");

        CatalogResult result = CatalogTesting.catalogFile(cataloger, copyAs(corpus, "requirements.txt"));

        assertThat(result.components()).hasSize((int) expectedPins(corpus));
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.version()).isNotEmpty());
    }

    @Test
    void parse_invalidUtf8_skipsTheBrokenLineOnly() throws IOException {
        byte[] content = "flask==1.0\n\u0000".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[content.length + 6];
        System.arraycopy(content, 0, broken, 0, content.length);
        broken[content.length] = (byte) 0xff;
        broken[content.length + 1] = (byte) 0xfe;
        broken[content.length + 2] = '=';
        broken[content.length + 3] = '=';
        broken[content.length + 4] = '1';
        broken[content.length + 5] = '\n';
        Files.write(temp.resolve("requirements.txt"), broken);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/flask@1.0");
    }

    @Test
    void parse_hugeLine_skippedQuickly() throws IOException {
        String huge = "a".repeat(3_000_000) + "==1.0";
        Files.writeString(
                temp.resolve("requirements.txt"),
                "flask==1.0\nattrs==1\nidna==2\nsix==1\n" + huge + "\n" + "-".repeat(2_000_000) + "\n" + "x=="
                        + "1.".repeat(1_000_000) + "\nrequests==2.0 \\\n" + "\\\n".repeat(100_000) + "\n",
                StandardCharsets.UTF_8);

        CatalogResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> CatalogTesting.catalogDirectory(cataloger, temp));

        assertThat(result.unknowns()).isEmpty();
        assertThat(CatalogTesting.purls(result)).contains("pkg:pypi/flask@1.0", "pkg:pypi/requests@2.0");
        assertThat(CatalogTesting.purls(result)).noneMatch(purl -> purl.length() > 200);
    }

    @Test
    void parse_overSizeFile_unknownNamingTheFile() throws IOException {
        Files.writeString(temp.resolve("requirements.txt"), "flask==1.0\n".repeat(100), StandardCharsets.UTF_8);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(64));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("requirements.txt");
            assertThat(unknown.reason()).contains("larger than the limit");
        });
    }

    @Test
    void parse_overSizeInclude_unknownForIncludeOnly() throws IOException {
        Files.writeString(temp.resolve("requirements.txt"), "flask==1.0\n-r big.in\n", StandardCharsets.UTF_8);
        Files.writeString(temp.resolve("big.in"), "# padding\n".repeat(100), StandardCharsets.UTF_8);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(200));

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/flask@1.0");
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.location().path()).isEqualTo("big.in"));
    }

    @Test
    void parse_includeOutsideTheSource_notFollowed() throws IOException {
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.writeString(temp.resolve("secret.txt"), "leaked==1.0\n", StandardCharsets.UTF_8);
        Files.writeString(
                source.resolve("requirements.txt"),
                "flask==1.0\n-r ../secret.txt\n-r " + temp.resolve("secret.txt") + "\n",
                StandardCharsets.UTF_8);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, source);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/flask@1.0");
    }

    private Path copyAs(Path corpus, String name) {
        try {
            Path directory = Files.createTempDirectory(temp, "corpus");
            return Files.copy(corpus, directory.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pins counted independently of the parser: lines that start with {@code name==}. */
    private static long expectedPins(Path corpus) {
        try {
            return Files.readAllLines(corpus, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.matches("[A-Za-z0-9][A-Za-z0-9._\\[\\],-]*==[^=].*"))
                    .map(line -> line.substring(0, line.indexOf("=="))
                                    .replaceAll("\\[.*", "")
                                    .toLowerCase(java.util.Locale.ROOT)
                            + line.substring(line.indexOf("==")).split("[ ;]")[0])
                    .distinct()
                    .count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void physicalLines_splitExactlyAsTheRegularExpressionItReplaces() {
        java.util.Random random = new java.util.Random(42);
        char[] alphabet = {'a', 'b', '=', '-', '#', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\\'};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String line = text.toString();
            assertThat(RequirementsFileParser.physicalLines(line))
                    .as("lines of %s", line)
                    .containsExactly(line.split("\r\n|\r|\n", -1));
        }
    }
}
