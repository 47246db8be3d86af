package dev.assay.bench;

import dev.assay.vulndb.store.AdvisoryDatabase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening the advisory database and reading its status, as every scan does once. {@code coldOpen} is the
 * first open in a fresh JVM (the target: under 100 ms); {@code warmOpen} is the steady state a server sees.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdvisoryDatabaseOpenBenchmark {
    private Path directory;

    @Setup
    public void restoreDatabase() {
        directory = SnapshotDatabase.directory();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int coldOpen() {
        return openAndCount();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public int warmOpen() {
        return openAndCount();
    }

    private int openAndCount() {
        try (AdvisoryDatabase database = AdvisoryDatabase.open(directory)) {
            return database.info().advisoriesByEcosystem().size();
        }
    }
}
