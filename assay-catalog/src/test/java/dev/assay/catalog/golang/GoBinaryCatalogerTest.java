package dev.assay.catalog.golang;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
import static dev.assay.catalog.CatalogTesting.catalogFile;
import static dev.assay.catalog.CatalogTesting.purls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoBinaryCatalogerTest {
    private static final String MAIN = "pkg:golang/example.com/hello@v0.0.0-20240304050607-e11331581397";
    private static final String GREET = "pkg:golang/example.com/greet@v1.2.0";
    private static final String SHOUT = "pkg:golang/example.com/shout@v0.3.1";
    private static final String STDLIB = "pkg:golang/stdlib@1.19.8";

    private final GoBinaryCataloger cataloger = new GoBinaryCataloger();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hello-linux-amd64",
                "hello-linux-386",
                "hello-linux-s390x",
                "hello-windows-amd64.exe",
                "hello-darwin-arm64"
            })
    void catalog_realBinaryOfEachFormat_reportsModulesStdlibAndEdges(String binary) throws IOException {
        Path file = unpack(binary, temp);

        CatalogResult result = catalogFile(cataloger, file);

        assertThat(purls(result)).containsExactly(GREET, MAIN, SHOUT, STDLIB);
        Component main = component(result, MAIN);
        assertThat(main.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(main.property("assay:go-version")).contains("go1.19.8");
        assertThat(main.property("assay:go-build:vcs.revision")).contains("e11331581397e9a65a1099eeab19f8304447d7c8");
        assertThat(main.properties()).doesNotContainKey("assay:go-build:-ldflags");
        assertThat(component(result, GREET).property("assay:go-h1"))
                .contains("h1:pQGFrop5p1fiNCuu86cP7ftRraut4+2JcEqBX4GGnFk=");
        Component shout = component(result, SHOUT);
        assertThat(shout.property("assay:go-replaces")).contains("example.com/loud@v0.1.0");
        assertThat(shout.property("assay:go-h1")).contains("h1:g4TcOCvkv4sjSRFQpQfA98Ed6TGHyxJ33L7WkIKiP7M=");
        Component stdlib = component(result, STDLIB);
        assertThat(stdlib.version()).isEqualTo("go1.19.8");
        assertThat(result.relationships())
                .containsExactlyInAnyOrder(edge(MAIN, GREET), edge(MAIN, SHOUT), edge(MAIN, STDLIB));
        assertThat(result.unknowns()).isEmpty();
        assertThat(stdlib.evidence().first().location().path()).isEqualTo(binary);
        assertThat(stdlib.evidence().first().versionSource()).isEqualTo("Go build info");
    }

    @Test
    void catalog_directory_readsExecutablesAndExeFilesOnly() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("tree/usr/local/bin"));
        Path executable = unpack("hello-linux-amd64", bin);
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectories(temp.resolve("tree/data"));
        Path notExecutable = unpack("hello-linux-386", data);
        Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
        Path windows = unpack("hello-windows-amd64.exe", data);
        Files.setPosixFilePermissions(windows, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(data.resolve("notes.txt"), "not a binary", StandardCharsets.UTF_8);

        CatalogResult result = catalogDirectory(cataloger, temp.resolve("tree"));

        assertThat(purls(result)).containsExactly(GREET, MAIN, SHOUT, STDLIB);
        assertThat(component(result, MAIN).evidence())
                .extracting(evidence -> evidence.location().path())
                .containsExactly("data/hello-windows-amd64.exe", "usr/local/bin/hello-linux-amd64");
    }

    @Test
    void catalog_binaryDirectoryWithoutModes_isStillRead() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("rootfs/usr/bin"));
        Path binary = unpack("hello-linux-s390x", bin);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rw-r--r--"));

        CatalogResult result = catalogDirectory(cataloger, temp.resolve("rootfs"));

        assertThat(purls(result)).containsExactly(GREET, MAIN, SHOUT, STDLIB);
    }

    @Test
    void catalog_syntheticInlineBuildInfo_readsModulesAndKeepsDevelUnversioned() throws IOException {
        byte[] elf = TinyElf.withBuildInfo(TinyElf.inlineBuildInfo(
                "go1.22.1",
                "path\texample.com/tool/cmd/x\nmod\texample.com/tool\t(devel)\t\n"
                        + "dep\texample.com/local\tv1.0.0\n=>\t../local\t\n"
                        + "dep\tgolang.org/x/sys\tv0.18.0\th1:DBdB3niSjOA/O0blCZBqDefyWNYveAYMNF1Wum0DYQ4=\n"
                        + "build\t-ldflags=\"-X main.token=secret\"\nbuild\tGOOS=linux\n"));
        Path file = temp.resolve("x");
        Files.write(file, elf);

        CatalogResult result = catalogFile(cataloger, file);

        assertThat(purls(result))
                .containsExactly(
                        "pkg:golang/example.com/tool",
                        "pkg:golang/golang.org/x/sys@v0.18.0",
                        "pkg:golang/stdlib@1.22.1");
        Component main = component(result, "pkg:golang/example.com/tool");
        assertThat(main.property("assay:go-build:GOOS")).contains("linux");
        assertThat(main.properties().toString()).doesNotContain("secret");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_buildInfoSectionOutOfBounds_isSkipped() throws IOException {
        byte[] section = TinyElf.inlineBuildInfo("go1.22.1", "path\tx\n");
        Files.write(temp.resolve("far"), TinyElf.build(section, 1L << 40, (long) section.length, 3));
        Files.write(temp.resolve("huge"), TinyElf.build(section, null, Long.MAX_VALUE, 3));
        Files.write(temp.resolve("negative"), TinyElf.build(section, Long.MIN_VALUE + 5, 64L, 3));

        for (String name : new String[] {"far", "huge", "negative"}) {
            CatalogResult result = catalogFile(cataloger, temp.resolve(name));
            assertThat(result.components()).as(name).isEmpty();
        }
    }

    @Test
    void catalog_hugeVarintLength_isUnknownNamingTheFile() throws IOException {
        ByteBuffer section = ByteBuffer.allocate(64);
        section.put(TinyElf.MAGIC).put((byte) 8).put((byte) 2).position(32);
        TinyElf.varint(section, Long.MAX_VALUE);
        Files.write(temp.resolve("bomb"), TinyElf.withBuildInfo(section.array()));
        byte[] endless = new byte[64];
        System.arraycopy(TinyElf.MAGIC, 0, endless, 0, TinyElf.MAGIC.length);
        endless[14] = 8;
        endless[15] = 2;
        Arrays.fill(endless, 32, 64, (byte) 0xff);
        Files.write(temp.resolve("endless"), TinyElf.withBuildInfo(endless));
        ByteBuffer big = ByteBuffer.allocate(48);
        big.put(TinyElf.MAGIC).put((byte) 8).put((byte) 2).position(32);
        TinyElf.varint(big, 500_000);
        Files.write(temp.resolve("past-end"), TinyElf.withBuildInfo(big.array()));

        for (String name : new String[] {"bomb", "endless", "past-end"}) {
            CatalogResult result = catalogFile(cataloger, temp.resolve(name));
            assertThat(result.components()).as(name).isEmpty();
            assertThat(result.unknowns()).as(name).singleElement().satisfies(unknown -> {
                assertThat(unknown.location().path()).isEqualTo(name);
                assertThat(unknown.catalogerId()).isEqualTo("go-binary-cataloger");
            });
        }
    }

    @Test
    void catalog_oldPointerFormatPointingNowhere_isUnknown() throws IOException {
        ByteBuffer section = ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        section.put(TinyElf.MAGIC).put((byte) 8).put((byte) 0);
        section.putLong(16, 0x7fff_0000_0000L).putLong(24, 0x7fff_0000_1000L);
        Files.write(temp.resolve("old"), TinyElf.withBuildInfo(section.array()));

        CatalogResult result = catalogFile(cataloger, temp.resolve("old"));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("points outside"));
    }

    @Test
    void catalog_absurdSectionCountOrTruncatedBinary_neverCrashes() throws IOException {
        byte[] section = TinyElf.inlineBuildInfo("go1.22.1", "path\tx\n");
        Files.write(temp.resolve("many"), TinyElf.build(section, null, null, 65_535));
        byte[] real = gunzip("hello-linux-amd64");
        Files.write(temp.resolve("head"), Arrays.copyOf(real, 4096));
        Files.write(temp.resolve("magic-only"), new byte[] {
            0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        });
        byte[] garbage = new byte[8192];
        new java.util.Random(42).nextBytes(garbage);
        garbage[0] = 'M';
        garbage[1] = 'Z';
        Files.write(temp.resolve("mz-garbage"), garbage);

        for (String name : new String[] {"many", "head", "magic-only", "mz-garbage"}) {
            CatalogResult result = catalogFile(cataloger, temp.resolve(name));
            assertThat(result.components()).as(name).isEmpty();
        }
    }

    @Test
    void catalog_javaClassFile_isNotMistakenForMachO() throws IOException {
        Files.write(temp.resolve("A"), new byte[] {
            (byte) 0xca,
            (byte) 0xfe,
            (byte) 0xba,
            (byte) 0xbe,
            0,
            0,
            0,
            65,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0
        });

        CatalogResult result = catalogFile(cataloger, temp.resolve("A"));

        assertThat(result.isEmpty()).isTrue();
    }

    @Test
    void mainVersion_develWithoutVcs_isEmpty() {
        assertThat(GoBinaryCataloger.mainVersion("(devel)", GoModInfo.parse("")))
                .isEmpty();
        assertThat(GoBinaryCataloger.mainVersion("v1.4.0", GoModInfo.parse(""))).isEqualTo("v1.4.0");
    }

    private static Relationship edge(String from, String to) {
        return Relationship.dependsOn(Purl.parse(from), Purl.parse(to));
    }

    private static Component component(CatalogResult result, String purl) {
        return result.components().stream()
                .filter(component -> component.bomRef().equals(purl))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + purl + " in " + purls(result)));
    }

    private byte[] gunzip(String binary) throws IOException {
        try (InputStream in = new GZIPInputStream(
                Files.newInputStream(Fixtures.path(getClass(), "golang/binaries/" + binary + ".gz")))) {
            return in.readAllBytes();
        }
    }

    private Path unpack(String binary, Path directory) throws IOException {
        Path target = directory.resolve(binary);
        Files.write(target, gunzip(binary));
        return target;
    }
}
