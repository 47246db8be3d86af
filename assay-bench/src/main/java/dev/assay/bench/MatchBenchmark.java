package dev.assay.bench;

import dev.assay.match.MatchReport;
import dev.assay.match.VulnerabilityMatcher;
import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.sbom.SbomCodecs;
import dev.assay.vulndb.store.AdvisoryDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching a 5,000-component inventory against the advisory database: the target is under 200 ms after JVM
 * start-up ({@code coldMatch}, one call in each fresh JVM). Two inventories: a real one ({@code sbomFile},
 * the corpora lockfiles side by side) and, by default, a synthetic stress case in which a third of the
 * components are the most-advised packages of the database (Django, Pillow, golang.org/x/net...) at
 * versions from 0.0.0 to 9.29.19, so that thousands of components are affected by dozens of records each.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchBenchmark {
    @Param("5000")
    public int components;

    /**
     * A real inventory to match instead of the synthetic one, e.g. {@code -p
     * sbomFile=bench/out/scan/inventory.cdx.json} (the corpora lockfiles, written by bench/scan).
     */
    @Param("")
    public String sbomFile;

    private AdvisoryDatabase database;
    private Sbom sbom;
    private VulnerabilityMatcher matcher;

    @Setup(Level.Trial)
    public void prepare() {
        database = AdvisoryDatabase.open(SnapshotDatabase.directory());
        sbom = sbomFile.isBlank() ? inventory(database, components) : read(Path.of(sbomFile));
        matcher = VulnerabilityMatcher.withDefaultMatchers();
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public MatchReport coldMatch() {
        return matcher.match(database, sbom);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public MatchReport warmMatch() {
        return matcher.match(database, sbom);
    }

    private static Sbom read(Path file) {
        try {
            return SbomCodecs.read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Real package names from the database's own records, fixed seed, so every run scans the same SBOM. */
    static Sbom inventory(AdvisoryDatabase database, int size) {
        Random random = new Random(20261203L);
        Map<Purl, Component> byPurl = new LinkedHashMap<>();
        List<String[]> known = knownPackages(database);
        // Every third draw is a package with advisories at a version from 0.0.0 to 9.29.19; a draw that
        // repeats a purl is dropped.
        for (long draw = 0; byPurl.size() < size; draw++) {
            Component component;
            if (draw % 3 == 0 && !known.isEmpty()) {
                String[] entry = known.get(random.nextInt(known.size()));
                String version = random.nextInt(10) + "." + random.nextInt(30) + "." + random.nextInt(20);
                component = component(entry[0], entry[1], version);
            } else {
                component = component(
                        "npm", "unheard-of-package-" + random.nextInt(1_000_000), "1.0." + random.nextInt(50));
            }
            byPurl.putIfAbsent(component.purl(), component);
        }
        SbomMetadata metadata = new SbomMetadata(
                "urn:uuid:00000000-0000-0000-0000-000000005000",
                Instant.EPOCH,
                null,
                List.of(),
                null,
                new java.util.TreeMap<>());
        return new Sbom(metadata, new ArrayList<>(byPurl.values()), List.of(), List.of());
    }

    private static List<String[]> knownPackages(AdvisoryDatabase database) {
        List<String[]> known = new ArrayList<>();
        String[][] probes = {
            {"Go", "golang", "golang.org/x/net"},
            {"Go", "golang", "github.com/gin-gonic/gin"},
            {"PyPI", "pypi", "urllib3"},
            {"PyPI", "pypi", "django"},
            {"PyPI", "pypi", "requests"},
            {"PyPI", "pypi", "jinja2"},
            {"PyPI", "pypi", "pyyaml"},
            {"PyPI", "pypi", "pillow"},
            {"crates.io", "cargo", "smallvec"},
            {"crates.io", "cargo", "time"},
            {"crates.io", "cargo", "tokio"},
            {"Maven", "maven", "org.apache.logging.log4j:log4j-core"},
            {"Maven", "maven", "com.fasterxml.jackson.core:jackson-databind"},
            {"npm", "npm", "lodash"},
            {"npm", "npm", "minimist"}
        };
        for (String[] probe : probes) {
            for (Advisory advisory : database.advisories(probe[0], probe[2])) {
                for (AffectedPackage affected : advisory.affected()) {
                    if (affected.ecosystemBase().equals(probe[0])) {
                        known.add(new String[] {probe[1], affected.name()});
                    }
                }
            }
        }
        return known;
    }

    private static Component component(String type, String name, String version) {
        String namespace = null;
        String simpleName = name;
        if (type.equals("maven")) {
            namespace = name.substring(0, name.indexOf(':'));
            simpleName = name.substring(name.indexOf(':') + 1);
        } else if (type.equals("golang") && name.contains("/")) {
            namespace = name.substring(0, name.lastIndexOf('/'));
            simpleName = name.substring(name.lastIndexOf('/') + 1);
            version = "v" + version;
        }
        Purl purl = Purl.of(type, namespace, simpleName, version, Map.of());
        return Component.builder(purl)
                .kind(ComponentKind.LIBRARY)
                .group(namespace == null ? "" : namespace)
                .name(simpleName)
                .version(version)
                .build();
    }
}
