package dev.assay.catalog.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import dev.assay.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmDbCatalogerTest {
    private static final Distro FEDORA = new Distro("fedora", "40", "", "Fedora Linux 40");
    private static final Distro CENTOS = new Distro("centos", "7", "", "CentOS Linux 7 (Core)");
    private static final Distro LEAP = new Distro("opensuse-leap", "15.5", "", "openSUSE Leap 15.5");
    private static final String SYSIMAGE_DB = "usr/lib/sysimage/rpm/rpmdb.sqlite";

    private final Cataloger cataloger = OsCatalogers.all().stream()
            .filter(candidate -> candidate.id().equals("rpm-db-cataloger"))
            .findFirst()
            .orElseThrow();

    @TempDir
    Path root;

    @Test
    void tags_osCataloger_runsOnImagesOnly() {
        assertThat(cataloger.tags())
                .containsExactlyInAnyOrder(CatalogTag.IMAGE, CatalogTag.ECOSYSTEM_OS, CatalogTag.INSTALLED);
    }

    @Test
    void catalog_realRpmDatabase_emitsEveryPackage() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", SYSIMAGE_DB);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.unknowns()).isEmpty();
        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:rpm/fedora/tiny-app@2.3.4-5.fc40?arch=x86_64&distro=fedora-40&upstream=tiny-app-2.3.4-5.fc40.src.rpm",
                        "pkg:rpm/fedora/tiny-lib@1.0-1.fc40?arch=x86_64&distro=fedora-40&epoch=2&upstream=tiny-lib-1.0-1.fc40.src.rpm",
                        "pkg:rpm/fedora/tiny-shell@0.9-3.fc40?arch=noarch&distro=fedora-40&upstream=tiny-shell-0.9-3.fc40.src.rpm");
    }

    @Test
    void catalog_header_becomesVersionLicenseAndProperties() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", "var/lib/rpm/rpmdb.sqlite");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        Component lib = find(result, "tiny-lib");
        assertThat(lib.version()).isEqualTo("2:1.0-1.fc40");
        assertThat(lib.licenses()).containsExactly("MIT");
        assertThat(lib.properties())
                .containsEntry("assay:source-package", "tiny-lib")
                .containsEntry("assay:source-version", "2:1.0-1.fc40")
                .containsEntry("assay:arch", "x86_64")
                .containsEntry("assay:distro", "fedora:40")
                .containsEntry("assay:vendor", "Fedora Project");
        assertThat(lib.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.catalogerId()).isEqualTo("rpm-db-cataloger");
            assertThat(evidence.location().path()).isEqualTo("var/lib/rpm/rpmdb.sqlite");
        });
        // The 13 KB header of tiny-app lives mostly on overflow pages.
        Component app = find(result, "tiny-app");
        assertThat(app.version()).isEqualTo("2.3.4-5.fc40");
        assertThat(app.licenses()).containsExactly("Apache-2.0 AND MIT");
    }

    @Test
    void catalog_requires_resolveThroughProvidesFilesAndNames() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", SYSIMAGE_DB);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.relationships())
                .extracting(edge -> edge.from().name() + " -> " + edge.to().name())
                .containsExactlyInAnyOrder("tiny-app -> tiny-lib", "tiny-app -> tiny-shell");
    }

    @Test
    void catalog_rhel_usesRedhatNamespace() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", SYSIMAGE_DB);

        CatalogResult result = CatalogTesting.catalogRootfs(
                cataloger, root, new Distro("rhel", "9.4", "", "Red Hat Enterprise Linux 9.4 (Plow)"));

        assertThat(find(result, "tiny-shell").bomRef())
                .isEqualTo("pkg:rpm/redhat/tiny-shell@0.9-3.fc40?arch=noarch&distro=rhel-9.4"
                        + "&upstream=tiny-shell-0.9-3.fc40.src.rpm");
    }

    @Test
    void catalog_withoutDistro_guessesNamespaceFromVendor() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", SYSIMAGE_DB);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, null);

        assertThat(find(result, "tiny-shell").bomRef())
                .isEqualTo("pkg:rpm/fedora/tiny-shell@0.9-3.fc40?arch=noarch&upstream=tiny-shell-0.9-3.fc40.src.rpm");
    }

    @Test
    void sqlite_multiPageTable_readsEveryRowInRowidOrder() throws IOException {
        byte[] bytes = gunzip("os/rpm/rpmdb-multipage.sqlite.gz");
        SqliteDatabase database = SqliteDatabase.open(bytes, "multipage");
        List<String> problems = new ArrayList<>();
        int rootPage = database.tableRootPage("packages", problems::add).orElseThrow();
        List<Long> rowids = new ArrayList<>();
        List<String> names = new ArrayList<>();

        database.forEachRow(
                rootPage,
                row -> {
                    rowids.add(row.rowid());
                    names.add(RpmHeader.parse((byte[]) row.values().get(1))
                            .string(RpmHeader.NAME)
                            .orElseThrow());
                },
                problems::add);

        assertThat(problems).isEmpty();
        assertThat(rowids).hasSize(80).isSorted();
        assertThat(rowids.getFirst()).isEqualTo(1L);
        assertThat(rowids.getLast()).isEqualTo(120L);
        assertThat(names).containsOnly("tiny-lib", "tiny-shell", "tiny-app");
    }

    @Test
    void catalog_emptyWriteAheadLog_isFine() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", SYSIMAGE_DB);
        Files.write(root.resolve(SYSIMAGE_DB + "-wal"), new byte[0]);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components()).hasSize(3);
    }

    @Test
    void catalog_nonEmptyWriteAheadLog_isReportedButDatabaseRead() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", SYSIMAGE_DB);
        Files.write(root.resolve(SYSIMAGE_DB + "-wal"), new byte[4096]);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.components()).hasSize(3);
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("write-ahead log"));
    }

    @Test
    void catalog_berkeleyDb_emitsEveryPackage() throws IOException {
        install("os/rpm/legacy/bdb-le.Packages.gz", "var/lib/rpm/Packages");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, CENTOS);

        assertThat(result.unknowns()).isEmpty();
        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:rpm/centos/tiny-app@2.3.4-5.fc40?arch=x86_64&distro=centos-7&upstream=tiny-app-2.3.4-5.fc40.src.rpm",
                        "pkg:rpm/centos/tiny-lib@1.0-1.fc40?arch=x86_64&distro=centos-7&epoch=2&upstream=tiny-lib-1.0-1.fc40.src.rpm",
                        "pkg:rpm/centos/tiny-shell@0.9-3.fc40?arch=noarch&distro=centos-7&upstream=tiny-shell-0.9-3.fc40.src.rpm");
        assertThat(find(result, "tiny-lib").evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.catalogerId()).isEqualTo("rpm-db-cataloger");
            assertThat(evidence.location().path()).isEqualTo("var/lib/rpm/Packages");
        });
    }

    @Test
    void catalog_ndb_emitsEveryPackage() throws IOException {
        install("os/rpm/legacy/ndb.Packages.db.gz", "usr/lib/sysimage/rpm/Packages.db");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, LEAP);

        assertThat(result.unknowns()).isEmpty();
        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:rpm/opensuse/tiny-app@2.3.4-5.fc40?arch=x86_64&distro=opensuse-leap-15.5&upstream=tiny-app-2.3.4-5.fc40.src.rpm",
                        "pkg:rpm/opensuse/tiny-lib@1.0-1.fc40?arch=x86_64&distro=opensuse-leap-15.5&epoch=2&upstream=tiny-lib-1.0-1.fc40.src.rpm",
                        "pkg:rpm/opensuse/tiny-shell@0.9-3.fc40?arch=noarch&distro=opensuse-leap-15.5&upstream=tiny-shell-0.9-3.fc40.src.rpm");
    }

    @Test
    void catalog_sameHeadersInEveryFormat_giveTheSameInventory() throws IOException {
        List<String> expected = null;
        for (String[] format : List.of(
                new String[] {"os/rpm/rpmdb.sqlite.gz", "var/lib/rpm/rpmdb.sqlite"},
                new String[] {"os/rpm/legacy/bdb-le.Packages.gz", "var/lib/rpm/Packages"},
                new String[] {"os/rpm/legacy/bdb-be.Packages.gz", "var/lib/rpm/Packages"},
                new String[] {"os/rpm/legacy/bdb-checksummed.Packages.gz", "var/lib/rpm/Packages"},
                new String[] {"os/rpm/legacy/bdb-multipage.Packages.gz", "var/lib/rpm/Packages"},
                new String[] {"os/rpm/legacy/ndb.Packages.db.gz", "var/lib/rpm/Packages.db"},
                new String[] {"os/rpm/legacy/ndb-multipage.Packages.db.gz", "var/lib/rpm/Packages.db"})) {
            Path database = root.resolve("var/lib/rpm");
            if (Files.isDirectory(database)) {
                try (var files = Files.list(database)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            install(format[0], format[1]);

            CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, CENTOS);

            assertThat(result.unknowns()).as(format[0]).isEmpty();
            List<String> inventory = inventory(result);
            if (format[0].contains("multipage")) {
                // The multi-page fixtures repeat the headers; the sqlite and ndb ones hold tiny-app too.
                assertThat(expected).as(format[0]).containsAll(inventory);
                assertThat(inventory).as(format[0]).isNotEmpty();
            } else if (expected == null) {
                expected = inventory;
            } else {
                assertThat(inventory).as(format[0]).containsExactlyElementsOf(expected);
            }
        }
        assertThat(expected).anyMatch(line -> line.startsWith("tiny-app -> "));
    }

    /** Components (without their evidence location) and edges, one line each, sorted. */
    private static List<String> inventory(CatalogResult result) {
        List<String> lines = new ArrayList<>();
        for (Component component : result.components()) {
            lines.add(component.bomRef() + " " + component.version() + " " + component.licenses() + " "
                    + new java.util.TreeMap<>(component.properties()));
        }
        result.relationships()
                .forEach(edge ->
                        lines.add(edge.from().name() + " -> " + edge.to().name()));
        lines.sort(null);
        return lines;
    }

    @Test
    void catalog_zeroFilledBerkeleyDb_isUnknownNamingTheFile() throws IOException {
        write("var/lib/rpm/Packages", new byte[8192]);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, CENTOS);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("var/lib/rpm/Packages");
            assertThat(unknown.reason()).isEqualTo("var/lib/rpm/Packages is not a Berkeley DB hash database");
        });
    }

    @Test
    void catalog_legacyFileNextToSqlite_isIgnored() throws IOException {
        install("os/rpm/rpmdb.sqlite.gz", "var/lib/rpm/rpmdb.sqlite");
        Files.write(root.resolve("var/lib/rpm/Packages"), new byte[8192]);
        Files.write(root.resolve("var/lib/rpm/Packages.db"), new byte[8192]);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components()).hasSize(3);
    }

    @Test
    void catalog_berkeleyDbNextToNdb_readsTheNdbOnly() throws IOException {
        install("os/rpm/legacy/ndb.Packages.db.gz", "var/lib/rpm/Packages.db");
        Files.write(root.resolve("var/lib/rpm/Packages"), new byte[8192]);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, LEAP);

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components()).hasSize(3);
    }

    @Test
    void catalog_truncatedLegacyDatabases_areUnknownsNamingTheFileAndKeepWhatIsReadable() throws IOException {
        byte[] bdb = gunzip("os/rpm/legacy/bdb-multipage.Packages.gz");
        write("var/lib/rpm/Packages", Arrays.copyOf(bdb, bdb.length / 2));
        byte[] ndb = gunzip("os/rpm/legacy/ndb.Packages.db.gz");
        write("usr/lib/sysimage/rpm/Packages.db", Arrays.copyOf(ndb, ndb.length - 100));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, CENTOS);

        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .contains("var/lib/rpm/Packages", "usr/lib/sysimage/rpm/Packages.db")
                .allMatch(
                        path -> path.equals("var/lib/rpm/Packages") || path.equals("usr/lib/sysimage/rpm/Packages.db"));
        assertThat(result.unknowns()).anyMatch(unknown -> unknown.reason().contains("the file is truncated"));
        assertThat(result.components()).isNotEmpty();
    }

    @Test
    void catalog_corruptedLegacyDatabases_neverCrashOrHang() throws IOException {
        java.util.Random random = new java.util.Random(77);
        for (String[] format : List.of(
                new String[] {"os/rpm/legacy/bdb-multipage.Packages.gz", "var/lib/rpm/Packages"},
                new String[] {"os/rpm/legacy/ndb-multipage.Packages.db.gz", "usr/lib/sysimage/rpm/Packages.db"})) {
            byte[] original = gunzip(format[0]);
            for (int round = 0; round < 20; round++) {
                byte[] corrupt = original.clone();
                for (int flips = 0; flips < 500; flips++) {
                    int position = random.nextInt(corrupt.length);
                    corrupt[position] = (byte) random.nextInt(256);
                }
                write(format[1], corrupt);

                CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, CENTOS);

                assertThat(result.components().size() + result.unknowns().size())
                        .isPositive();
                assertThat(result.unknowns())
                        .allSatisfy(
                                unknown -> assertThat(unknown.location().path()).isEqualTo(format[1]));
            }
            Files.delete(root.resolve(format[1]));
        }
    }

    // ---- hostile input ----

    @Test
    void catalog_truncatedDatabase_isUnknownAndKeepsWhatIsReadable() throws IOException {
        byte[] bytes = gunzip("os/rpm/rpmdb.sqlite.gz");
        write(SYSIMAGE_DB, Arrays.copyOf(bytes, bytes.length / 3));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.unknowns()).isNotEmpty();
        assertThat(result.unknowns())
                .allSatisfy(unknown -> assertThat(unknown.location().path()).isEqualTo(SYSIMAGE_DB));
    }

    @Test
    void catalog_shorterThanOnePage_isUnknown() throws IOException {
        byte[] bytes = gunzip("os/rpm/rpmdb.sqlite.gz");
        write(SYSIMAGE_DB, Arrays.copyOf(bytes, 1000));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("truncated"));
    }

    @Test
    void catalog_notSqlite_isUnknown() throws IOException {
        write(SYSIMAGE_DB, "this is not a database".getBytes(StandardCharsets.UTF_8));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.unknowns())
                .extracting(Unknown::reason)
                .containsExactly(SYSIMAGE_DB + " is not an SQLite 3 database");
    }

    @Test
    void catalog_corruptedPages_neverCrashOrHang() throws IOException {
        byte[] original = gunzip("os/rpm/rpmdb-multipage.sqlite.gz");
        java.util.Random random = new java.util.Random(1234);
        for (int round = 0; round < 40; round++) {
            byte[] corrupt = original.clone();
            // Keep the 100-byte file header intact so that the b-tree walk itself meets the damage.
            for (int flips = 0; flips < 200; flips++) {
                int position = 100 + random.nextInt(corrupt.length - 100);
                corrupt[position] = (byte) random.nextInt(256);
            }
            write(SYSIMAGE_DB, corrupt);

            CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

            assertThat(result.components().size() + result.unknowns().size()).isPositive();
            assertThat(result.unknowns())
                    .allSatisfy(unknown -> assertThat(unknown.location().path()).isEqualTo(SYSIMAGE_DB));
        }
    }

    @Test
    void catalog_pageCycle_endsWithUnknown() throws IOException {
        byte[] bytes = gunzip("os/rpm/rpmdb-multipage.sqlite.gz");
        SqliteDatabase database = SqliteDatabase.open(bytes, "x");
        int rootPage = database.tableRootPage("Packages", ignored -> {}).orElseThrow();
        int pageSize = 512;
        int header = (rootPage - 1) * pageSize;
        assertThat(bytes[header])
                .as("root of the multi-page table is an interior page")
                .isEqualTo((byte) 0x05);
        // Point the right-most child back at the root itself.
        bytes[header + 8] = (byte) (rootPage >>> 24);
        bytes[header + 9] = (byte) (rootPage >>> 16);
        bytes[header + 10] = (byte) (rootPage >>> 8);
        bytes[header + 11] = (byte) rootPage;
        write(SYSIMAGE_DB, bytes);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, FEDORA);

        assertThat(result.unknowns()).anyMatch(unknown -> unknown.reason().contains("referenced twice"));
    }

    @Test
    void catalog_unreadableFileListWhileResolvingFileRequires_isReported() throws IOException {
        byte[] needsFile = new RpmHeaderTest.HeaderBlob()
                .string(RpmHeader.NAME, "needs-file")
                .string(RpmHeader.VERSION, "1")
                .string(RpmHeader.RELEASE, "1")
                .stringArray(RpmHeader.REQUIRENAME, "/usr/bin/tool")
                .build();
        byte[] brokenFiles = new RpmHeaderTest.HeaderBlob()
                .string(RpmHeader.NAME, "broken-files")
                .string(RpmHeader.VERSION, "1")
                .string(RpmHeader.RELEASE, "1")
                .stringArray(RpmHeader.BASENAMES, "tool", "other")
                .stringArray(RpmHeader.DIRNAMES, "/usr/bin/")
                .int32(RpmHeader.DIRINDEXES, 0)
                .build();
        write("var/lib/rpm/Packages.db", ndb(List.of(needsFile, brokenFiles)));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, LEAP);

        assertThat(result.components()).hasSize(2);
        assertThat(result.unknowns())
                .extracting(Unknown::reason)
                .containsExactly("broken-files: file list unreadable: BASENAMES and DIRINDEXES differ in length");
    }

    /**
     * A minimal NDB database written from the format description (one slot page, blobs after it), for headers
     * no rpm tool would build. The real-format evidence is in the rpmpkg.c-written fixtures.
     */
    private static byte[] ndb(List<byte[]> blobs) {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer page = java.nio.ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        page.putInt(0x506d7052).putInt(0).putInt(1).putInt(1).putInt(blobs.size() + 1);
        List<byte[]> blocks = new ArrayList<>();
        int blockOffset = 4096 / 16;
        for (int slot = 2; slot < 256; slot++) {
            int index = slot - 2;
            page.position(slot * 16);
            page.putInt(0x746f6c53);
            if (index < blobs.size()) {
                byte[] blob = blobs.get(index);
                int blockCount = (16 + blob.length + 12 + 15) / 16;
                java.nio.ByteBuffer block =
                        java.nio.ByteBuffer.allocate(blockCount * 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                block.putInt(0x53626c42)
                        .putInt(index + 1)
                        .putInt(0)
                        .putInt(blob.length)
                        .put(blob);
                java.util.zip.Adler32 adler = new java.util.zip.Adler32();
                adler.update(block.array(), 0, blockCount * 16 - 12);
                block.position(blockCount * 16 - 12);
                block.putInt((int) adler.getValue()).putInt(blob.length).putInt(0x45626c42);
                blocks.add(block.array());
                page.putInt(index + 1).putInt(blockOffset).putInt(blockCount);
                blockOffset += blockCount;
            }
        }
        file.writeBytes(page.array());
        blocks.forEach(file::writeBytes);
        return file.toByteArray();
    }

    @Test
    void decode_gpgPubkeyPseudoPackage_isSkipped() {
        byte[] blob = new RpmHeaderTest.HeaderBlob()
                .string(RpmHeader.NAME, "gpg-pubkey")
                .string(RpmHeader.VERSION, "fd431d51")
                .string(RpmHeader.RELEASE, "4ae0493b")
                .build();

        assertThat(RpmDbParser.decode(RpmHeader.parse(blob))).isEmpty();
    }

    @Test
    void decode_hugeVersion_isRejected() {
        byte[] blob = new RpmHeaderTest.HeaderBlob()
                .string(RpmHeader.NAME, "huge")
                .string(RpmHeader.VERSION, "1".repeat(1_000_000))
                .string(RpmHeader.RELEASE, "1")
                .build();

        assertThatThrownBy(() -> RpmDbParser.decode(RpmHeader.parse(blob)))
                .isInstanceOf(RpmHeader.MalformedHeaderException.class)
                .hasMessageContaining("invalid VERSION")
                .satisfies(error -> assertThat(error.getMessage().length()).isLessThan(300));
    }

    @Test
    void sqlite_invalidHeaderFields_areRejected() {
        byte[] bytes = new byte[1024];
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        bytes[16] = 0x03; // page size 768: not a power of two
        assertThatThrownBy(() -> SqliteDatabase.open(bytes, "bad"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("page size");
    }

    private Component find(CatalogResult result, String name) {
        return result.components().stream()
                .filter(component -> component.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name + " in " + CatalogTesting.purls(result)));
    }

    private void install(String fixture, String target) throws IOException {
        write(target, gunzip(fixture));
    }

    private void write(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private byte[] gunzip(String fixture) throws IOException {
        try (InputStream input = new GZIPInputStream(Files.newInputStream(Fixtures.path(getClass(), fixture)))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            input.transferTo(output);
            return output.toByteArray();
        }
    }
}
