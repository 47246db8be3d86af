package dev.assay.vulndb.store;

import static dev.assay.vulndb.store.TestAdvisories.advisory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.model.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicityTest {
    @TempDir
    Path temp;

    private Path db;

    private void seed() {
        db = temp.resolve("db");
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(List.of(advisory("OLD-1", null, "npm", "a")), "seed");
            importer.commit();
        }
    }

    @Test
    void importer_secondWriterOnTheSameDirectory_isRefused() {
        seed();
        try (AdvisoryDatabaseImporter first = AdvisoryDatabase.importer(db)) {
            assertThatThrownBy(() -> AdvisoryDatabase.importer(db))
                    .isInstanceOf(AdvisoryDatabaseLockedException.class)
                    .hasMessageContaining("being written by another process");
            first.importAdvisories(List.of(advisory("NEW-1", null, "npm", "b")), "test");
            first.commit();
        }
        // Released on close: the next writer gets in.
        try (AdvisoryDatabaseImporter next = AdvisoryDatabase.importer(db)) {
            assertThat(next).isNotNull();
        }
    }

    @Test
    void importer_lockHeldByAnotherProcess_isRefused() throws Exception {
        seed();
        Path javaLauncher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(
                        javaLauncher.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolderProcess.class.getName(),
                        db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String line = new BufferedReader(new java.io.InputStreamReader(
                            holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).isEqualTo("locked");

            assertThatThrownBy(() -> AdvisoryDatabase.importer(db)).isInstanceOf(AdvisoryDatabaseLockedException.class);
            // Readers are not blocked by a writer.
            try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
                assertThat(store.advisories("npm", "a")).hasSize(1);
            }
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            assertThat(importer).isNotNull();
        }
    }

    @Test
    void importer_closedWithoutCommit_changesNothingAndLeavesNoStaging() throws IOException {
        seed();
        Map<String, byte[]> before = snapshot();
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(List.of(advisory("NEW-1", null, "npm", "b")), "test");
        }

        assertThat(snapshot()).containsOnlyKeys(before.keySet().toArray(String[]::new));
        assertThat(sameContent(before, snapshot())).isTrue();
    }

    @Test
    void importer_failedImportCall_leavesTheStoreIntact() throws IOException {
        seed();
        Path notABundle = Files.write(temp.resolve("broken.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        Map<String, byte[]> before = snapshot();

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            assertThatThrownBy(() -> importer.importPath(notABundle)).isInstanceOf(InvalidInputException.class);
        }

        assertThat(sameContent(before, snapshot())).isTrue();
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "a")).extracting(Advisory::id).containsExactly("OLD-1");
        }
    }

    @Test
    void open_afterACrashBeforeTheManifestRename_readsThePreviousGeneration() throws IOException {
        seed();
        // What a writer that died mid-commit leaves: files of an unpublished generation, a temporary
        // manifest and a staging directory.
        Files.write(db.resolve("advisories-7.rec"), new byte[100]);
        Files.write(db.resolve("packages-7.idx"), new byte[10]);
        Files.writeString(db.resolve("assay-db.json.tmp"), "{\"format\": \"assay-adv");
        Files.createDirectories(db.resolve(".staging-crashed"))
                .resolve("staged.rec")
                .toFile()
                .createNewFile();

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "a")).extracting(Advisory::id).containsExactly("OLD-1");
        }

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(List.of(advisory("NEW-1", null, "npm", "a")), "test");
            importer.commit();
        }
        try (Stream<Path> files = Files.list(db)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .doesNotContain("advisories-7.rec", "packages-7.idx", ".staging-crashed", "assay-db.json.tmp")
                    .contains("advisories-8.rec")
                    .doesNotContain("advisories-1.rec");
        }
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "a")).extracting(Advisory::id).containsExactly("NEW-1", "OLD-1");
        }
    }

    @Test
    void open_whileCommitsRun_everyReaderSeesACompleteGeneration() throws Exception {
        seed();
        int threads = 4;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch started = new CountDownLatch(threads);
        List<Future<?>> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            readers.add(pool.submit(() -> {
                started.countDown();
                while (writing.get()) {
                    try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
                        List<Advisory> found = store.advisories("npm", "a");
                        // Generation n holds OLD-1 and GEN-1..GEN-n: the ids must be exactly that prefix.
                        int count = found.size();
                        assertThat(store.advisoryCount()).isEqualTo(count);
                        for (int i = 1; i < count; i++) {
                            assertThat(store.advisory("GEN-" + i)).isPresent();
                        }
                        seen.add(count);
                    } catch (Throwable failure) {
                        failures.add(failure);
                    }
                }
            }));
        }
        started.await();
        for (int generation = 1; generation <= 15; generation++) {
            try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
                importer.importAdvisories(List.of(advisory("GEN-" + generation, null, "npm", "a")), "test");
                importer.commit();
            }
        }
        writing.set(false);
        for (Future<?> reader : readers) {
            reader.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        assertThat(seen).isNotEmpty().allSatisfy(count -> assertThat(count).isBetween(1, 16));
    }

    @Test
    void advisories_oneStoreSharedByThreads_answersConsistently() throws Exception {
        db = temp.resolve("db");
        List<Advisory> advisories = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            advisories.add(advisory("SHARED-" + i, null, "npm", "pkg-" + (i % 50)));
        }
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(advisories, "test");
            importer.commit();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int total = 0;
                    for (int round = 0; round < 20; round++) {
                        for (int p = 0; p < 50; p++) {
                            total += store.advisories("npm", "pkg-" + p).size();
                        }
                    }
                    return total;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(20 * 500);
            }
        } finally {
            pool.shutdown();
        }
    }

    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(db)) {
            for (Path path : paths.toList()) {
                files.put(
                        path.getFileName().toString(),
                        Files.isDirectory(path) ? new byte[0] : Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static boolean sameContent(Map<String, byte[]> left, Map<String, byte[]> right) {
        if (!left.keySet().equals(right.keySet())) {
            return false;
        }
        return left.keySet().stream().allMatch(name -> java.util.Arrays.equals(left.get(name), right.get(name)));
    }
}
