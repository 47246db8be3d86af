package dev.assay.vulndb.store;

import static dev.assay.vulndb.store.TestAdvisories.advisory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.testkit.Fixtures;
import dev.assay.vulndb.StoreInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineBundleTest {
    @TempDir
    Path temp;

    private Path source;
    private Path bundle;

    @BeforeEach
    void exportOne() {
        source = temp.resolve("source");
        try (AdvisoryDatabaseImporter importer =
                AdvisoryDatabase.importer(source).snapshot(true)) {
            importer.importAdvisories(
                    List.of(
                            advisory("B-1", "2099-01-01T00:00:00Z", "npm", "left-pad"),
                            TestAdvisories.full("B-2"),
                            advisory("B-3", null, "Go", "example.com/a")),
                    "fixtures");
            importer.importPath(Fixtures.path(getClass(), "kev/kev-small.json"));
            importer.importPath(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv"));
            importer.commit();
        }
        bundle = temp.resolve("assay-db-bundle.zip");
        AdvisoryDatabase.export(source, bundle);
    }

    @Test
    void importPath_exportedBundle_restoresTheDatabaseExactly() throws IOException {
        Path target = temp.resolve("target");

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(target)) {
            ImportReport report = importer.importPath(bundle);
            assertThat(report.kind()).isEqualTo("bundle");
            assertThat(report.recordsAccepted()).isEqualTo(3);
            importer.commit();
        }

        try (AdvisoryDatabase original = AdvisoryDatabase.open(source);
                AdvisoryDatabase restored = AdvisoryDatabase.open(target)) {
            restored.verify();
            StoreInfo originalInfo = original.info();
            StoreInfo restoredInfo = restored.info();
            assertThat(restoredInfo.updatedAt()).isEqualTo(originalInfo.updatedAt());
            assertThat(restoredInfo.snapshot()).isTrue();
            assertThat(restoredInfo.advisoriesByEcosystem()).isEqualTo(originalInfo.advisoriesByEcosystem());
            assertThat(restoredInfo.sources()).isEqualTo(originalInfo.sources());
            assertThat(restoredInfo.kevEntries()).isEqualTo(2);
            assertThat(restoredInfo.epssScores()).isEqualTo(3);
            for (String id : List.of("B-1", "B-2", "B-3")) {
                assertThat(restored.advisory(id))
                        .isEqualTo(original.advisory(id))
                        .isPresent();
            }
            assertThat(restored.advisories("PyPI", "zope-interface"))
                    .isEqualTo(original.advisories("PyPI", "zope-interface"));
            assertThat(restored.kev("CVE-2099-1111"))
                    .isEqualTo(original.kev("CVE-2099-1111"))
                    .isPresent();
            assertThat(restored.epss("CVE-2099-3333"))
                    .isEqualTo(original.epss("CVE-2099-3333"))
                    .isPresent();
        }
        // Exporting the restored database gives the same data files, byte for byte.
        Path again = temp.resolve("again.zip");
        AdvisoryDatabase.export(target, again);
        assertThat(dataDigests(again)).isEqualTo(dataDigests(bundle));
    }

    @Test
    void importPath_bundleOverAnExistingDatabase_replacesIt() {
        Path target = temp.resolve("target");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(target)) {
            importer.importAdvisories(List.of(advisory("LOCAL-1", null, "npm", "local")), "local");
            importer.commit();
        }

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(target)) {
            importer.importPath(bundle);
            importer.commit();
        }

        try (AdvisoryDatabase restored = AdvisoryDatabase.open(target)) {
            assertThat(restored.advisory("LOCAL-1")).isEmpty();
            assertThat(restored.advisoryCount()).isEqualTo(3);
        }
    }

    @Test
    void importPath_bundleWithAWrongChecksum_throwsAndChangesNothing() throws Exception {
        Path tampered = rewrite("wrong-digest.zip", entries -> {
            StringBuilder manifest =
                    new StringBuilder(new String(entries.get(OfflineBundle.MANIFEST), StandardCharsets.UTF_8));
            int digit = manifest.indexOf("\"sha256\" : \"") + "\"sha256\" : \"".length();
            manifest.setCharAt(digit, manifest.charAt(digit) == '0' ? '1' : '0');
            entries.put(OfflineBundle.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
            return entries;
        });

        assertRejectedWithoutChange(tampered, "checksum");
    }

    @Test
    void importPath_bundleWithAlteredData_throwsAndChangesNothing() throws Exception {
        Path tampered = rewrite("altered.zip", entries -> {
            byte[] records = entries.get("advisories-1.rec").clone();
            records[records.length - 5] ^= 0x01;
            entries.put("advisories-1.rec", records);
            return entries;
        });

        assertRejectedWithoutChange(tampered, "does not match its checksum");
    }

    @Test
    void importPath_bundleWithAlteredDataAndMatchingDigests_failsVerification() throws Exception {
        Path tampered = rewrite("consistent-but-damaged.zip", entries -> {
            byte[] records = entries.get("advisories-1.rec").clone();
            records[records.length - 5] ^= 0x01;
            String manifest = new String(entries.get(OfflineBundle.MANIFEST), StandardCharsets.UTF_8)
                    .replace(sha256(entries.get("advisories-1.rec")), sha256(records));
            entries.put("advisories-1.rec", records);
            entries.put(OfflineBundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
            return entries;
        });

        assertRejectedWithoutChange(tampered, "damaged database");
    }

    @Test
    void importPath_bundleWithAnUnlistedTraversalEntry_throwsAndWritesNothing() throws Exception {
        Path tampered = rewrite("traversal.zip", entries -> {
            entries.put("../../evil.json", "{}".getBytes(StandardCharsets.UTF_8));
            return entries;
        });

        assertRejectedWithoutChange(tampered, "does not list");
        assertThat(temp.resolve("evil.json")).doesNotExist();
        assertThat(temp.getParent().resolve("evil.json")).doesNotExist();
    }

    @Test
    void importPath_bundleMissingAFile_throwsAndChangesNothing() throws Exception {
        Path tampered = rewrite("missing.zip", entries -> {
            entries.remove("kev-1.tbl");
            return entries;
        });

        assertRejectedWithoutChange(tampered, "lacks kev-1.tbl");
    }

    @Test
    void export_sameDatabaseTwice_givesIdenticalBundles() throws IOException {
        Path second = temp.resolve("second.zip");

        AdvisoryDatabase.export(source, second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(bundle));
    }

    @Test
    void export_overAnOwnerOnlyBundle_keepsItsModeAndLeavesNoTemporaryFile() throws IOException {
        Path again = temp.resolve("private.bundle");
        Files.writeString(again, "an older bundle");
        Files.setPosixFilePermissions(again, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        AdvisoryDatabase.export(source, again);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(again)))
                .isEqualTo("rw-------");
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(bundle));
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void export_toAFifo_writesThroughItAndLeavesItAFifo() throws Exception {
        Path fifo = temp.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        AdvisoryDatabase.export(source, fifo);

        assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Files.readAllBytes(bundle));
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    private void assertRejectedWithoutChange(Path tampered, String message) throws IOException {
        Path target = temp.resolve("target");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(target)) {
            importer.importAdvisories(List.of(advisory("LOCAL-1", null, "npm", "local")), "local");
            importer.commit();
        }
        List<String> before = list(target);
        byte[] manifest = Files.readAllBytes(target.resolve("assay-db.json"));

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(target)) {
            assertThatThrownBy(() -> importer.importPath(tampered))
                    .isInstanceOf(CorruptBundleException.class)
                    .hasMessageContaining(message);
        }

        assertThat(list(target)).isEqualTo(before);
        assertThat(Files.readAllBytes(target.resolve("assay-db.json"))).isEqualTo(manifest);
        try (AdvisoryDatabase store = AdvisoryDatabase.open(target)) {
            assertThat(store.advisories("npm", "local"))
                    .extracting(Advisory::id)
                    .containsExactly("LOCAL-1");
        }
    }

    private Path rewrite(String name, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream input = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), input.readAllBytes());
                }
            }
        }
        Path target = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : change.apply(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    private static Map<String, String> dataDigests(Path bundleFile) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundleFile.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (FileRole.DATA_FILE.matcher(entry.getName()).matches()) {
                    try (InputStream input = zip.getInputStream(entry)) {
                        digests.put(entry.getName().replaceAll("-[0-9]+\\.", "."), sha256(input.readAllBytes()));
                    }
                }
            }
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
