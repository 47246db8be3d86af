package dev.assay.catalog.java;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
import static dev.assay.catalog.CatalogTesting.purls;
import static dev.assay.catalog.java.MavenPomCatalogerTest.component;
import static dev.assay.catalog.java.TestArchives.archive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Evidence;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaArchiveCatalogerTest {
    private final JavaArchiveCataloger cataloger = new JavaArchiveCataloger();

    @TempDir
    Path temp;

    @Test
    void catalog_jarWithPomProperties_identifiesItWithHashes() throws Exception {
        byte[] jar = archive()
                .manifest("Implementation-Version", "1.10.0")
                .pomProperties("org.apache.commons", "commons-text", "1.10.0")
                .entry("org/apache/commons/text/StringSubstitutor.class", new byte[2048])
                .bytes();
        write("lib/commons-text-1.10.0.jar", jar);

        CatalogResult result = catalogDirectory(cataloger, temp);

        Component text = component(result, "pkg:maven/org.apache.commons/commons-text@1.10.0");
        assertThat(purls(result)).containsExactly("pkg:maven/org.apache.commons/commons-text@1.10.0");
        assertThat(text.hashes())
                .containsExactly(
                        new Hash(HashAlgorithm.SHA1, digest("SHA-1", jar)),
                        new Hash(HashAlgorithm.SHA256, digest("SHA-256", jar)));
        assertThat(text.evidence())
                .containsExactly(new Evidence(
                        JavaArchiveCataloger.ID,
                        dev.assay.model.Location.of("lib/commons-text-1.10.0.jar"),
                        "pom.properties"));
        assertThat(text.property("assay:guessed-coordinates")).isEmpty();
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_shadedJar_mainContainsTheShadedLibraries() throws IOException {
        write(
                "uber-1.0.jar",
                archive()
                        .pomProperties("com.example", "uber", "1.0")
                        .pomProperties("com.google.guava", "guava", "31.1-jre")
                        .pomProperties("org.slf4j", "slf4j-api", "1.7.36")
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        Purl uber = Purl.parse("pkg:maven/com.example/uber@1.0");
        assertThat(result.relationships())
                .containsExactlyInAnyOrder(
                        Relationship.contains(uber, Purl.parse("pkg:maven/com.google.guava/guava@31.1-jre")),
                        Relationship.contains(uber, Purl.parse("pkg:maven/org.slf4j/slf4j-api@1.7.36")));
        assertThat(component(result, "pkg:maven/com.google.guava/guava@31.1-jre")
                        .hashes())
                .isEmpty();
        assertThat(component(result, "pkg:maven/com.google.guava/guava@31.1-jre")
                        .evidence())
                .extracting(evidence -> evidence.location().path())
                .containsExactly("uber-1.0.jar!/META-INF/maven/com.google.guava/guava/pom.properties");
        assertThat(component(result, uber.toString()).hashes()).hasSize(2);
    }

    @Test
    void catalog_renamedJarWithOnePomProperties_isThatArtifact() throws IOException {
        write(
                "app.jar",
                archive()
                        .pomProperties("com.example", "orders-service", "2.3.4")
                        .bytes());

        assertThat(purls(catalogDirectory(cataloger, temp)))
                .containsExactly("pkg:maven/com.example/orders-service@2.3.4");
    }

    @Test
    void catalog_manifestOnly_guessesGroupAndTakesImplementationVersion() throws IOException {
        write(
                "foo.jar",
                archive()
                        .manifest(
                                "Implementation-Title", "foo",
                                "Implementation-Version", "2.0",
                                "Implementation-Vendor-Id", "org.foo",
                                "Bundle-License", "https://www.apache.org/licenses/LICENSE-2.0.txt;description=x, MIT")
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        Component foo = component(result, "pkg:maven/org.foo/foo@2.0");
        assertThat(foo.property("assay:guessed-coordinates")).contains("true");
        assertThat(foo.licenses()).containsExactly("Apache-2.0", "MIT");
        assertThat(foo.evidence())
                .extracting(Evidence::versionSource)
                .containsExactly("MANIFEST.MF Implementation-Version");
    }

    @Test
    void catalog_bundleSymbolicName_givesGroupAndBundleVersion() throws IOException {
        write(
                "jackson-core.jar",
                archive()
                        .manifest(
                                "Bundle-SymbolicName", "com.fasterxml.jackson.core.jackson-core;singleton:=true",
                                "Bundle-Version", "2.15.2")
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.15.2");
        assertThat(component(result, "pkg:maven/com.fasterxml.jackson.core/jackson-core@2.15.2")
                        .evidence())
                .extracting(Evidence::versionSource)
                .containsExactly("MANIFEST.MF Bundle-Version");
    }

    @Test
    void catalog_onlyFileName_usesItAsLastResort() throws IOException {
        write("bar-1.2.3.jar", archive().entry("bar/Bar.class", new byte[10]).bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/bar/bar@1.2.3");
        assertThat(component(result, "pkg:maven/bar/bar@1.2.3").evidence())
                .extracting(Evidence::versionSource)
                .containsExactly("file name");
    }

    @Test
    void catalog_springBootJar_readsNestedLibrariesWithLocationsAndContains() throws Exception {
        byte[] log4j = archive()
                .pomProperties("org.apache.logging.log4j", "log4j-core", "2.14.1")
                .bytes();
        byte[] json = archive()
                .pomProperties("com.fasterxml.jackson.core", "jackson-databind", "2.13.0")
                .bytes();
        write(
                "app.jar",
                archive()
                        .manifest("Start-Class", "com.example.App", "Implementation-Version", "1.0.0")
                        .pomProperties("com.example", "app", "1.0.0")
                        .storedEntry("BOOT-INF/lib/log4j-core-2.14.1.jar", log4j)
                        .entry("BOOT-INF/lib/jackson-databind-2.13.0.jar", json)
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        Purl app = Purl.parse("pkg:maven/com.example/app@1.0.0");
        Component core = component(result, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(core.evidence())
                .extracting(evidence -> evidence.location().path())
                .containsExactly("app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar");
        assertThat(core.hashes()).contains(new Hash(HashAlgorithm.SHA1, digest("SHA-1", log4j)));
        assertThat(component(result, app.toString()).kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(result.relationships())
                .containsExactlyInAnyOrder(
                        Relationship.contains(app, core.purl()),
                        Relationship.contains(
                                app, Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.0")));
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_earWithWar_readsThreeLevels() throws IOException {
        byte[] library = archive().pomProperties("org.example", "lib", "1.0").bytes();
        byte[] war = archive()
                .pomProperties("org.example", "web", "1.0")
                .entry("WEB-INF/lib/lib-1.0.jar", library)
                .bytes();
        write("app.ear", archive().entry("web.war", war).bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(component(result, "pkg:maven/org.example/lib@1.0").evidence())
                .extracting(evidence -> evidence.location().path())
                .containsExactly("app.ear!/web.war!/WEB-INF/lib/lib-1.0.jar");
        assertThat(result.relationships())
                .contains(
                        Relationship.contains(
                                Purl.parse("pkg:maven/app/app"), Purl.parse("pkg:maven/org.example/web@1.0")),
                        Relationship.contains(
                                Purl.parse("pkg:maven/org.example/web@1.0"),
                                Purl.parse("pkg:maven/org.example/lib@1.0")));
    }

    @Test
    void catalog_nestingDeeperThanLimit_reportsUnknownForTheTooDeepArchive() throws IOException {
        byte[] inner = archive().pomProperties("g", "level6", "1").bytes();
        for (int level = 5; level >= 2; level--) {
            inner = archive()
                    .pomProperties("g", "level" + level, "1")
                    .entry("level" + (level + 1) + ".jar", inner)
                    .bytes();
        }
        write(
                "level1.jar",
                archive()
                        .pomProperties("g", "level1", "1")
                        .entry("level2.jar", inner)
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result))
                .containsExactly(
                        "pkg:maven/g/level1@1", "pkg:maven/g/level2@1", "pkg:maven/g/level3@1", "pkg:maven/g/level4@1");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path())
                    .isEqualTo("level1.jar!/level2.jar!/level3.jar!/level4.jar!/level5.jar");
            assertThat(unknown.reason()).contains("nested deeper");
        });
    }

    @Test
    void catalog_zipBombEntry_reportsUnknownAndKeepsIdentity() throws IOException {
        write("bomb-1.0.jar", bombJar());

        CatalogResult result =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catalogDirectory(cataloger, temp));

        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("bomb-1.0.jar!/zeros.bin");
            assertThat(unknown.reason()).contains("zip bomb");
        });
        assertThat(purls(result)).containsExactly("pkg:maven/g/bomb@1.0");
    }

    @Test
    void catalog_zipBombEntryWhileStreaming_stopsInflatingAndReportsUnknown() throws IOException {
        write("bomb-1.0.jar", bombJar());

        // An archive over maxFileBytes is streamed, and a streamed entry without declared sizes is metered.
        CatalogResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(5000)));

        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("bomb-1.0.jar");
            assertThat(unknown.reason()).contains("bomb-1.0.jar!/zeros.bin").contains("zip bomb");
        });
        assertThat(purls(result)).containsExactly("pkg:maven/g/bomb@1.0");
    }

    @Test
    void catalog_zipBombInNestedJar_reportsUnknownNamingTheOuterArchive() throws IOException {
        byte[] bomb = archive().entry("zeros.bin", new byte[10 * 1024 * 1024]).bytes();
        write("outer.war", archive().entry("WEB-INF/lib/bomb.jar", bomb).bytes());

        CatalogResult result =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catalogDirectory(cataloger, temp));

        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactly("outer.war!/WEB-INF/lib/bomb.jar!/zeros.bin");
    }

    @Test
    void catalog_zipBombInNestedJarWhileStreaming_reportsUnknownNamingTheOuterArchive() throws IOException {
        byte[] bomb = archive().entry("zeros.bin", new byte[10 * 1024 * 1024]).bytes();
        write("outer.war", archive().entry("WEB-INF/lib/bomb.jar", bomb).bytes());

        CatalogResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(5000)));

        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("outer.war");
            assertThat(unknown.reason()).contains("outer.war!/WEB-INF/lib/bomb.jar!/zeros.bin");
        });
    }

    private static byte[] bombJar() {
        return archive()
                .pomProperties("g", "bomb", "1.0")
                .entry("zeros.bin", new byte[10 * 1024 * 1024])
                .bytes();
    }

    @Test
    void catalog_entryDeclaringBombRatio_isNotInflated() throws IOException {
        Path jar = temp.resolve("declared-1.0.jar");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(jar.toFile())) {
            zip.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            zip.write(new byte[10 * 1024 * 1024]);
            zip.closeArchiveEntry();
        }

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/declared/declared@1.0");
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactly("declared-1.0.jar!/zeros.bin");
    }

    @Test
    void catalog_expandedBytesOverLimit_reportsUnknown() throws IOException {
        byte[] inner = archive().entry("data.bin", randomBytes(4000)).bytes();
        write("outer-1.jar", archive().storedEntry("lib/inner-1.jar", inner).bytes());

        CatalogResult result = catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxExpandedBytes(3000));

        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("outer-1.jar");
            assertThat(unknown.reason()).contains("limit of 3000 bytes");
        });
    }

    @Test
    void catalog_tooManyEntries_reportsUnknown() throws IOException {
        TestArchives many = archive();
        for (int index = 0; index < 50; index++) {
            many.entry("file" + index + ".txt", new byte[] {1});
        }
        write("many-1.jar", many.bytes());
        Limits limits = new Limits(Limits.DEFAULT.maxFileBytes(), Limits.DEFAULT.maxExpandedBytes(), 4, 10, 200);

        CatalogResult result = catalogDirectory(cataloger, temp, limits);

        assertThat(result.unknowns())
                .extracting(Unknown::reason)
                .singleElement()
                .asString()
                .contains("10 archive entries");
    }

    @Test
    void catalog_notAZip_reportsUnknown() throws IOException {
        write("fake.jar", "this is not a zip file at all".getBytes(StandardCharsets.UTF_8));
        write("empty.jar", new byte[0]);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactlyInAnyOrder("empty.jar", "fake.jar");
    }

    @Test
    void catalog_truncatedJar_reportsUnknown() throws IOException {
        byte[] jar = archive()
                .pomProperties("g", "cut", "1.0")
                .entry("big.bin", randomBytes(20_000))
                .bytes();
        write("cut-1.0.jar", Arrays.copyOf(jar, jar.length / 2));

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactly("cut-1.0.jar");
        // what was read before the cut still identifies the archive, without a hash of bytes never seen
        assertThat(component(result, "pkg:maven/g/cut@1.0").hashes()).isEmpty();
    }

    @Test
    void catalog_corruptNestedJar_reportsItAndKeepsTheOuter() throws IOException {
        write(
                "outer-2.0.jar",
                archive()
                        .pomProperties("g", "outer", "2.0")
                        .storedEntry("lib/broken-1.0.jar", "garbage, not a zip".getBytes(StandardCharsets.UTF_8))
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/g/outer@2.0");
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactly("outer-2.0.jar!/lib/broken-1.0.jar");
    }

    @Test
    void catalog_manifestOverFileLimit_reportsUnknownAndFallsBackToFileName() throws IOException {
        write(
                "big-3.0.jar",
                archive()
                        .manifest("Implementation-Version", "9.9", "X-Padding", "p".repeat(5000))
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(1000));

        assertThat(purls(result)).containsExactly("pkg:maven/big/big@3.0");
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .containsExactly("big-3.0.jar!/META-INF/MANIFEST.MF");
    }

    @Test
    void catalog_executableJarWithLaunchScript_isRead() throws IOException {
        byte[] jar = archive().pomProperties("com.example", "svc", "1.0").bytes();
        byte[] script = "#!/bin/bash\nexec java -jar \"$0\" \"$@\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] executable = new byte[script.length + jar.length];
        System.arraycopy(script, 0, executable, 0, script.length);
        System.arraycopy(jar, 0, executable, script.length, jar.length);
        write("svc.jar", executable);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/com.example/svc@1.0");
    }

    @Test
    void catalog_endRecordPointingOutside_streamsTheArchiveInstead() throws IOException {
        HandMadeZip zip = new HandMadeZip().deflated("META-INF/maven/g/lying/pom.properties", POM_PROPERTIES);
        write("lying-1.jar", zip.bytes(1, zip.centralSize(), 0x7FFF_FFF0L));

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/g/lying@1");
        assertThat(component(result, "pkg:maven/g/lying@1").hashes()).hasSize(2);
    }

    @Test
    void catalog_entryCountLying_streamsTheArchiveInstead() throws IOException {
        HandMadeZip zip = new HandMadeZip()
                .deflated("a.txt", new byte[10])
                .deflated("META-INF/maven/g/lying/pom.properties", POM_PROPERTIES);
        write("lying-1.jar", zip.bytes(1, zip.centralSize(), zip.dataSize()));

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/g/lying@1");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_zip64FieldsLying_streamsTheArchiveInstead() throws IOException {
        HandMadeZip zip = new HandMadeZip().deflated("META-INF/maven/g/lying/pom.properties", POM_PROPERTIES);
        write("lying-1.jar", zip.zip64Bytes(Long.MAX_VALUE / 46, Long.MAX_VALUE, zip.dataSize()));

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/g/lying@1");
    }

    @Test
    void catalog_localHeaderOffsetPastTheEnd_streamsTheArchiveInstead() throws IOException {
        byte[] compressed = HandMadeZip.deflate(POM_PROPERTIES);
        HandMadeZip zip = new HandMadeZip();
        String name = "META-INF/maven/g/lying/pom.properties";
        zip.local(name, 8, compressed, HandMadeZip.crc(POM_PROPERTIES), POM_PROPERTIES.length);
        zip.central(name, 8, compressed.length, POM_PROPERTIES.length, HandMadeZip.crc(POM_PROPERTIES), 1L << 31);
        write("lying-1.jar", zip.bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/g/lying@1");
    }

    /**
     * The overlapping construction (Fifield, 2019): thousands of directory records share one run of
     * compressed data. Here each would expand to a 1 MiB nested jar, 2 GiB in all, with the ratio limit
     * lifted so that only the overlap check and the expanded-bytes budget stand in the way.
     */
    @Test
    void catalog_overlappingZipBomb_readsTheSharedDataOnce() throws IOException {
        byte[] nested = archive()
                .pomProperties("g", "kernel", "1")
                .storedEntry("zeros.bin", new byte[1024 * 1024])
                .bytes();
        byte[] compressed = HandMadeZip.deflate(nested);
        long crc = HandMadeZip.crc(nested);
        HandMadeZip zip = new HandMadeZip();
        int kernel = zip.local("lib/kernel.jar", 8, compressed, crc, nested.length);
        for (int index = 0; index < 2000; index++) {
            zip.central("lib/copy" + index + ".jar", 8, compressed.length, nested.length, crc, kernel);
        }
        write("overlap-1.jar", zip.bytes());
        Limits limits =
                new Limits(Limits.DEFAULT.maxFileBytes(), Limits.DEFAULT.maxExpandedBytes(), 4, 200_000, 1_000_000);

        CatalogResult result =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catalogDirectory(cataloger, temp, limits));

        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).startsWith("overlap-1.jar!/lib/copy");
            assertThat(unknown.reason()).contains("1999 entries").contains("overlapping zip bomb");
        });
        assertThat(purls(result)).containsExactlyInAnyOrder("pkg:maven/g/kernel@1", "pkg:maven/overlap/overlap@1");
    }

    @Test
    void catalog_overlappingZipBombWithoutTheOverlapCheck_isBoundedByTheExpandedBytesBudget() throws IOException {
        // The same expansion from distinct copies of the data: the budget alone must stop it.
        byte[] nested = archive()
                .pomProperties("g", "kernel", "1")
                .storedEntry("zeros.bin", new byte[1024 * 1024])
                .bytes();
        HandMadeZip zip = new HandMadeZip();
        for (int index = 0; index < 200; index++) {
            zip.deflated("lib/copy" + index + ".jar", nested);
        }
        write("copies-1.jar", zip.bytes());
        Limits limits = new Limits(Limits.DEFAULT.maxFileBytes(), 20L * 1024 * 1024, 4, 200_000, 1_000_000);

        CatalogResult result =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catalogDirectory(cataloger, temp, limits));

        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("copies-1.jar");
            assertThat(unknown.reason()).contains("expands past the limit of " + 20L * 1024 * 1024);
        });
    }

    @Test
    void catalog_entryQuotingAnotherEntrysHeader_readsOnlyTheOuterOne() throws IOException {
        // b.jar's header and data sit inside a.jar's stored data, as in the quoted-overlap construction.
        byte[] inner = archive().pomProperties("g", "b", "1").bytes();
        byte[] innerCompressed = HandMadeZip.deflate(inner);
        byte[] quoted = concat(
                HandMadeZip.localHeader("b.jar", 8, innerCompressed.length, HandMadeZip.crc(inner), inner.length),
                innerCompressed);
        HandMadeZip zip = new HandMadeZip();
        int outer = zip.local("a.jar", 0, quoted, HandMadeZip.crc(quoted), quoted.length);
        zip.central("a.jar", 0, quoted.length, quoted.length, HandMadeZip.crc(quoted), outer);
        zip.central("b.jar", 8, innerCompressed.length, inner.length, HandMadeZip.crc(inner), outer + 30 + 5);
        write("quoted-1.jar", zip.bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .contains("quoted-1.jar!/b.jar");
        assertThat(result.unknowns())
                .filteredOn(unknown -> unknown.location().path().equals("quoted-1.jar!/b.jar"))
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("overlapping zip bomb"));
    }

    @Test
    void catalog_zip64Jar_isReadByItsDirectory() throws IOException {
        Path jar = temp.resolve("wide-1.0.jar");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(jar.toFile())) {
            zip.setUseZip64(Zip64Mode.Always);
            zip.putArchiveEntry(new ZipArchiveEntry("META-INF/maven/g/wide/pom.properties"));
            zip.write("groupId=g\nartifactId=wide\nversion=1\n".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:maven/g/wide@1");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_mavenRepositoryWithPom_takesCoordinatesFromThePath() throws IOException {
        write(
                "org/example/tools/widget/2.1/widget-2.1.jar",
                archive().entry("x/Y.class", new byte[8]).bytes());
        write(
                "org/example/tools/widget/2.1/widget-2.1.pom",
                "<project><parent><groupId>org.example</groupId></parent><groupId>org.example.tools</groupId></project>"
                        .getBytes(StandardCharsets.UTF_8));

        CatalogResult result = catalogDirectory(cataloger, temp);

        Component widget = component(result, "pkg:maven/org.example.tools/widget@2.1");
        assertThat(widget.evidence()).extracting(Evidence::versionSource).containsExactly("maven repository path");
        assertThat(widget.property("assay:guessed-coordinates")).isEmpty();
    }

    @Test
    void catalog_belowDotM2Repository_takesCoordinatesAndClassifierWithoutAPom() throws IOException {
        write(
                "home/me/.m2/repository/io/netty/netty-transport-native-epoll/4.1.100.Final/"
                        + "netty-transport-native-epoll-4.1.100.Final-linux-x86_64.jar",
                archive()
                        .manifest("Bundle-SymbolicName", "io.netty.transport-classes-epoll")
                        .bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result))
                .containsExactly(
                        "pkg:maven/io.netty/netty-transport-native-epoll@4.1.100.Final?classifier=linux-x86_64");
    }

    @Test
    void catalog_mavenRepositoryJarWithPomProperties_keepsPomPropertiesAndAddsTheClassifier() throws IOException {
        write(
                "home/.m2/repository/org/example/lib/1.0/lib-1.0-tests.jar",
                archive().pomProperties("org.example", "lib", "1.0").bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        Component lib = component(result, "pkg:maven/org.example/lib@1.0?classifier=tests");
        assertThat(lib.evidence()).extracting(Evidence::versionSource).containsExactly("pom.properties");
    }

    @Test
    void catalog_mavenSnapshotInRepository_takesTheSnapshotVersion() throws IOException {
        write(
                "root/.m2/repository/org/example/app/1.0-SNAPSHOT/app-1.0-20240102.030405-7.jar",
                archive().entry("A.class", new byte[4]).bytes());

        assertThat(purls(catalogDirectory(cataloger, temp))).containsExactly("pkg:maven/org.example/app@1.0-SNAPSHOT");
    }

    @Test
    void catalog_gradleCache_takesCoordinatesFromThePath() throws IOException {
        write(
                "caches/modules-2/files-2.1/com.squareup.okio/okio-jvm/3.6.0/"
                        + "5600569133b7bdefe1daf9ec7f4abeb6d13e1786/okio-jvm-3.6.0.jar",
                archive().manifest("Implementation-Title", "okio").bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        Component okio = component(result, "pkg:maven/com.squareup.okio/okio-jvm@3.6.0");
        assertThat(okio.evidence()).extracting(Evidence::versionSource).containsExactly("gradle cache path");
    }

    @Test
    void catalog_versionedDirectoriesOutsideARepository_stillGuess() throws IOException {
        // No .m2/repository, no pom beside it, no Gradle hash directory: the path proves nothing.
        write(
                "lib/widget/2.1/widget-2.1.jar",
                archive().entry("x/Y.class", new byte[8]).bytes());
        write(
                "debian/maven-repo/org/foo/foo/debian/foo-debian.jar",
                archive().entry("x/Y.class", new byte[8]).bytes());
        write(
                "files-2.1/g/a/1.0/not-a-hash/a-1.0.jar",
                archive().entry("x/Y.class", new byte[8]).bytes());

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result))
                .containsExactlyInAnyOrder(
                        "pkg:maven/widget/widget@2.1", "pkg:maven/foo-debian/foo-debian", "pkg:maven/a/a@1.0");
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.property("assay:guessed-coordinates"))
                        .contains("true"));
    }

    private static final byte[] POM_PROPERTIES =
            "groupId=g\nartifactId=lying\nversion=1\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private void write(String path, byte[] content) throws IOException {
        Path file = temp.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String digest(String algorithm, byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    @SuppressWarnings("unused")
    private static List<String> paths(CatalogResult result) {
        return result.unknowns().stream()
                .map(unknown -> unknown.location().path())
                .toList();
    }
}
