package dev.assay.vulndb.store;

import dev.assay.model.Advisory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rough timings of the store for a developer's own measurements, run from jshell or a throw-away
 * {@code java} program on the test class path (never from a unit test; the JMH benchmarks belong in
 * {@code assay-bench}):
 *
 * <pre>
 * jshell --class-path "$(cat cp.txt)"
 * jshell&gt; dev.assay.vulndb.store.StoreTimings.importAll(Path.of("/work/shared/corpora/advisories"), Path.of("/tmp/db"))
 * jshell&gt; dev.assay.vulndb.store.StoreTimings.lookups(Path.of("/tmp/db"), Path.of("queries.tsv"), 5)
 * </pre>
 *
 * Each result is a line of text with wall and thread CPU time; on a shared machine the CPU time is the
 * steadier number.
 */
public final class StoreTimings {
    private StoreTimings() {}

    /** Imports every path into a new database at {@code database} and commits. */
    public static String importAll(Path first, Path database, Path... more) {
        Stopwatch stopwatch = new Stopwatch();
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(database)) {
            ImportReport report = importer.importPath(first);
            for (Path path : more) {
                importer.importPath(path);
            }
            CommitReport commit = importer.commit();
            return stopwatch.format(
                    "import of %d records (%d errors, %d not OSV) and commit of %d advisories",
                    report.recordsRead(), report.errorCount(), report.warningCount(), commit.advisories());
        }
    }

    /** Opens the database once; the first call in a JVM measures a cold open. */
    public static String open(Path database) {
        Stopwatch stopwatch = new Stopwatch();
        try (AdvisoryDatabase store = AdvisoryDatabase.open(database)) {
            return stopwatch.format("open of %d advisories", store.advisoryCount());
        }
    }

    /**
     * Looks up every {@code ecosystem<TAB>name} line of {@code queries} (and the KEV and EPSS entries of the
     * CVE aliases of the hits), {@code rounds} times; round 1 in a fresh JVM is the cold number.
     */
    public static List<String> lookups(Path database, Path queries, int rounds) throws IOException {
        List<String[]> components = new ArrayList<>();
        for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", -1);
            if (fields.length == 2) {
                components.add(fields);
            }
        }
        List<String> results = new ArrayList<>();
        try (AdvisoryDatabase store = AdvisoryDatabase.open(database)) {
            for (int round = 1; round <= rounds; round++) {
                Stopwatch stopwatch = new Stopwatch();
                int hits = 0;
                int decoded = 0;
                for (String[] component : components) {
                    List<Advisory> found = store.advisories(component[0], component[1]);
                    hits += found.isEmpty() ? 0 : 1;
                    decoded += found.size();
                    for (Advisory advisory : found) {
                        for (String alias : advisory.aliases()) {
                            if (alias.startsWith("CVE-")) {
                                store.kev(alias);
                                store.epss(alias);
                            }
                        }
                    }
                }
                results.add(stopwatch.format(
                        "round %d: %d lookups, %d with hits, %d advisories decoded",
                        round, components.size(), hits, decoded));
            }
        }
        return results;
    }

    private static final class Stopwatch {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = THREADS.getCurrentThreadCpuTime();

        String format(String what, Object... arguments) {
            return String.format(
                    Locale.ROOT,
                    "%s: %.1f ms wall, %.1f ms thread CPU",
                    String.format(Locale.ROOT, what, arguments),
                    (System.nanoTime() - wall) / 1e6,
                    (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
    }
}
