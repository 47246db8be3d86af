package dev.assay.catalog.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonCatalogersTest {
    @TempDir
    Path temp;

    @Test
    void all_stableIdsAndTags() {
        assertThat(PythonCatalogers.all())
                .extracting(Cataloger::id)
                .containsExactly(
                        "python-requirements-cataloger",
                        "python-poetry-lock-cataloger",
                        "python-pipfile-lock-cataloger",
                        "python-uv-lock-cataloger",
                        "python-pdm-lock-cataloger",
                        "python-installed-cataloger");
        assertThat(PythonCatalogers.all())
                .allSatisfy(cataloger ->
                        assertThat(cataloger.tags()).contains(CatalogTag.ECOSYSTEM_PYTHON, CatalogTag.DIRECTORY));
        assertThat(PythonCatalogers.all().stream()
                        .filter(cataloger -> cataloger.tags().contains(CatalogTag.IMAGE)))
                .extracting(Cataloger::id)
                .containsExactly("python-installed-cataloger");
    }

    static Stream<Arguments> tomlLockfiles() {
        return Stream.of(
                Arguments.of(PythonCatalogers.poetryLock(), "poetry.lock", "python/poetry/simple-deps/poetry.lock"),
                Arguments.of(PythonCatalogers.uvLock(), "uv.lock", "python/uv/simple-deps/uv.lock"),
                Arguments.of(PythonCatalogers.pdmLock(), "pdm.lock", "python/pdm/extras/pdm.lock"));
    }

    @ParameterizedTest
    @MethodSource("tomlLockfiles")
    void parse_truncatedToml_unknownNamingTheFile(Cataloger cataloger, String name, String fixture) throws IOException {
        String whole = Files.readString(Fixtures.path(getClass(), fixture));
        Files.writeString(temp.resolve(name), whole.substring(0, whole.indexOf("hash = \"") + 20));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo(name);
            assertThat(unknown.reason()).contains("not valid TOML");
        });
    }

    @ParameterizedTest
    @MethodSource("tomlLockfiles")
    void parse_deeplyNestedToml_unknownNotStackOverflow(Cataloger cataloger, String name, String fixture)
            throws IOException {
        Files.writeString(temp.resolve(name), "x = " + "[".repeat(200_000) + "\n");

        CatalogResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> CatalogTesting.catalogDirectory(cataloger, temp));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.location().path()).isEqualTo(name));
    }

    @ParameterizedTest
    @MethodSource("tomlLockfiles")
    void parse_overSizeFile_unknown(Cataloger cataloger, String name, String fixture) throws IOException {
        Files.copy(Fixtures.path(getClass(), fixture), temp.resolve(name));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(512));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo(name);
            assertThat(unknown.reason()).contains("larger than the limit");
        });
    }

    @ParameterizedTest
    @MethodSource("tomlLockfiles")
    void parse_invalidUtf8AndWrongTypes_keepsWhatIsReadable(Cataloger cataloger, String name, String fixture)
            throws IOException {
        byte[] head = """
                [[package]]
                name = "good"
                version = "1.0"
                files = [{file = "x", hash = "sha256:zz"}, 7]
                dependencies = "not a table"

                [[package]]
                name = 42
                version = ["1"]

                [[package]]
                name = "bad-\
                """.getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"\nversion = \"2.0\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xff;
        content[head.length + 1] = (byte) 0xc3;
        System.arraycopy(tail, 0, content, head.length + 2, tail.length);
        Files.write(temp.resolve(name), content);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/good@1.0");
        assertThat(result.components().getFirst().hashes()).isEmpty();
        assertThat(result.unknowns()).isEmpty();
    }
}
