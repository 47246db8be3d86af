package dev.assay.bench.portfolio;

import dev.assay.engine.SbomUploads;
import dev.assay.engine.UploadedSbom;
import dev.assay.server.portfolio.query.ImpactAnalysis;
import dev.assay.server.portfolio.query.ImpactLimits;
import dev.assay.server.portfolio.query.ImpactReport;
import dev.assay.server.portfolio.store.IngestRequest;
import dev.assay.server.portfolio.store.IngestResult;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SbomIngestion;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end measurements of the portfolio server's storage on PostgreSQL (bench/portfolio/run writes the
 * report): generating a five-million-component portfolio, impact queries over it, single SBOM ingests and
 * concurrent ones. Prints Markdown.
 *
 * <pre>
 * PortfolioBench generate   --url URL --user U --password P [--versions 10000] [--components 500] [--seed 1]
 * PortfolioBench impact     --url URL --user U --password P [--runs 300] [--warmup 100]
 * PortfolioBench ingest     --url URL --user U --password P [--runs 60] [--warmup 10] [--components 1000]
 * PortfolioBench concurrent --url URL --user U --password P [--uploads 50] [--components 1000]
 * </pre>
 */
public final class PortfolioBench {
    private PortfolioBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: PortfolioBench generate|impact|ingest|concurrent --url URL ...");
        }
        Map<String, String> options = new HashMap<>();
        for (int index = 1; index + 1 < args.length; index += 2) {
            options.put(args[index].replaceFirst("^--", ""), args[index + 1]);
        }
        String url = required(options, "url");
        String user = options.getOrDefault("user", "assay");
        String password = options.getOrDefault("password", "");
        switch (args[0]) {
            case "generate" -> generate(url, user, password, options);
            case "impact" -> impact(url, user, password, options);
            case "ingest" -> ingest(url, user, password, options);
            case "concurrent" -> concurrent(url, user, password, options);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    private static void generate(String url, String user, String password, Map<String, String> options)
            throws Exception {
        int versions = integer(options, "versions", 10_000);
        int components = integer(options, "components", 500);
        PortfolioData data = new PortfolioData(versions, components, integer(options, "seed", 1));
        try (PortfolioDatabase database = PortfolioDatabase.open(url, user, password)) {
            // migrates the schema
        }
        long start = System.nanoTime();
        PortfolioData.Counts counts;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            counts = data.write(connection);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "## Generated portfolio%n%n");
        System.out.printf(
                Locale.ROOT,
                "- %,d projects, %,d versions, %,d component rows (%d per version + the subject),"
                        + " %,d dependency edges, %,d distinct packages (maven 2,500, npm 2,000, pypi 1,000; Zipf s=1)%n",
                counts.projects(),
                counts.versions(),
                counts.components(),
                components,
                counts.edges(),
                data.distinctPackages());
        System.out.printf(
                Locale.ROOT,
                "- log4j-core in %,d versions (20 releases 2.0 to 2.23.1, uniformly)%n",
                counts.log4jVersions());
        System.out.printf(
                Locale.ROOT,
                "- written in %.1f s with COPY (then CREATE INDEX components_by_package, VACUUM ANALYZE)%n",
                seconds);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database())),"
                        + " pg_size_pretty(pg_total_relation_size('components'))")) {
            result.next();
            System.out.printf(
                    Locale.ROOT,
                    "- database size %s (components with indexes %s)%n%n",
                    result.getString(1),
                    result.getString(2));
        }
    }

    private record ImpactCase(String label, String purl, Optional<String> range) {}

    private static void impact(String url, String user, String password, Map<String, String> options) {
        int runs = integer(options, "runs", 300);
        int warmup = integer(options, "warmup", 100);
        List<ImpactCase> cases = List.of(
                new ImpactCase(
                        "log4j-core, vulnerable range", PortfolioData.LOG4J_CORE, Optional.of("vers:maven/<2.17.1")),
                new ImpactCase(
                        "log4j-core, Log4Shell range",
                        PortfolioData.LOG4J_CORE,
                        Optional.of("vers:maven/>=2.0.0-beta9|<2.15.0")),
                new ImpactCase("requests (pypi, rank 41), every version", PortfolioData.REQUESTS, Optional.empty()),
                new ImpactCase(
                        "rare maven package (rank 2,000)",
                        "pkg:maven/org.example.group200/artifact-2000",
                        Optional.empty()),
                new ImpactCase("absent package", "pkg:maven/org.example/absent", Optional.of("vers:maven/<1.0")),
                new ImpactCase("lodash (npm, most popular), every version", PortfolioData.LODASH, Optional.empty()));
        try (PortfolioDatabase database = PortfolioDatabase.open(url, user, password)) {
            ImpactAnalysis analysis = new ImpactAnalysis(
                    database,
                    new ImpactLimits(
                            ImpactLimits.DEFAULT.maxAffected(),
                            integer(options, "paths", ImpactLimits.DEFAULT.maxPathsPerComponent()),
                            ImpactLimits.DEFAULT.maxPathDepth()));
            for (int round = 0; round < warmup; round++) {
                for (ImpactCase query : cases) {
                    analysis.byPackage(query.purl(), query.range());
                }
            }
            Map<ImpactCase, long[]> nanos = new HashMap<>();
            Map<ImpactCase, ImpactReport> last = new HashMap<>();
            cases.forEach(query -> nanos.put(query, new long[runs]));
            // Round-robin, so a disturbance of the machine touches every query alike.
            for (int round = 0; round < runs; round++) {
                for (ImpactCase query : cases) {
                    long start = System.nanoTime();
                    ImpactReport report = analysis.byPackage(query.purl(), query.range());
                    nanos.get(query)[round] = System.nanoTime() - start;
                    last.put(query, report);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "## ImpactAnalysis.byPackage (%d runs each after %d warm-up rounds)%n%n",
                    runs,
                    warmup);
            System.out.println(
                    "| query | range | affected rows | distinct versions | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
            for (ImpactCase query : cases) {
                ImpactReport report = last.get(query);
                long[] sorted = nanos.get(query).clone();
                Arrays.sort(sorted);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | `%s` | %,d%s | %,d | %.1f | %.1f | %.1f | %.1f |%n",
                        query.label(),
                        query.range().orElse("(all)"),
                        report.affected().size(),
                        report.truncated() ? " (truncated)" : "",
                        report.affected().stream()
                                .map(a -> a.project() + "@" + a.version())
                                .distinct()
                                .count(),
                        ms(percentile(sorted, 50)),
                        ms(percentile(sorted, 90)),
                        ms(percentile(sorted, 99)),
                        ms(sorted[sorted.length - 1]));
            }
            long postmaster = Long.parseLong(options.getOrDefault("postmaster-pid", "0"));
            if (postmaster > 0) {
                // Other processes share this machine's cores, which inflates every latency above: the CPU
                // one query costs (this JVM plus the PostgreSQL backends, measured over a block of runs)
                // is what an otherwise idle machine would turn into latency.
                System.out.printf(
                        Locale.ROOT,
                        "%nCPU per query (this JVM + PostgreSQL backends, %d runs per query" + " in a block):%n%n",
                        runs);
                System.out.println("| query | CPU per query ms |");
                System.out.println("|---|---:|");
                for (ImpactCase query : cases) {
                    long before = cpuNanos(postmaster);
                    for (int run = 0; run < runs; run++) {
                        analysis.byPackage(query.purl(), query.range());
                    }
                    System.out.printf(
                            Locale.ROOT, "| %s | %.1f |%n", query.label(), ms((cpuNanos(postmaster) - before) / runs));
                }
            }
            ImpactReport log4j = last.get(cases.getFirst());
            if (!log4j.affected().isEmpty()) {
                System.out.printf(
                        Locale.ROOT, "%nExample row: %s%n", log4j.affected().getFirst());
            }
            System.out.println();
        }
    }

    private static void ingest(String url, String user, String password, Map<String, String> options) {
        int runs = integer(options, "runs", 60);
        int warmup = integer(options, "warmup", 10);
        int components = integer(options, "components", 1_000);
        PortfolioData data = new PortfolioData(1, 1, 7);
        SplittableRandom random = new SplittableRandom(11);
        try (PortfolioDatabase database = PortfolioDatabase.open(url, user, password)) {
            SbomIngestion ingestion = new SbomIngestion(database, Clock.systemUTC());
            long[] ingestNanos = new long[runs];
            long[] parseNanos = new long[runs];
            int edges = 0;
            for (int run = -warmup; run < runs; run++) {
                String version = "ingest-" + System.nanoTime();
                byte[] json = cycloneDx("bench-ingest", version, components, data, random);
                long parseStart = System.nanoTime();
                UploadedSbom upload = SbomUploads.read(json, "bench.json", 64L << 20);
                long start = System.nanoTime();
                IngestResult result =
                        ingestion.ingest(new IngestRequest("bench-ingest", version, Set.of("bench"), upload, "bench"));
                long end = System.nanoTime();
                if (result.outcome() != IngestResult.Outcome.CREATED || result.components() != components + 1) {
                    throw new IllegalStateException("unexpected ingest result " + result);
                }
                edges = result.dependencyEdges();
                if (run >= 0) {
                    ingestNanos[run] = end - start;
                    parseNanos[run] = start - parseStart;
                }
            }
            Arrays.sort(ingestNanos);
            Arrays.sort(parseNanos);
            System.out.printf(
                    Locale.ROOT,
                    "## SbomIngestion.ingest of a %,d-component CycloneDX JSON SBOM (%,d edges),"
                            + " %d distinct versions after %d warm-up ingests%n%n",
                    components,
                    edges,
                    runs,
                    warmup);
            System.out.println("| step | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("SbomIngestion.ingest (transaction: version, document, components, edges, audit)", ingestNanos);
            row("SbomUploads.read (parse, before ingest; not part of the target)", parseNanos);
            System.out.println();
        }
    }

    private static void concurrent(String url, String user, String password, Map<String, String> options)
            throws Exception {
        int uploads = integer(options, "uploads", 50);
        int components = integer(options, "components", 1_000);
        PortfolioData data = new PortfolioData(1, 1, 7);
        SplittableRandom random = new SplittableRandom(13);
        String project = "bench-concurrent-" + System.currentTimeMillis();
        List<UploadedSbom> documents = new ArrayList<>();
        for (int index = 0; index < uploads; index++) {
            documents.add(SbomUploads.read(
                    cycloneDx(project, "v" + index, components, data, random), "bench.json", 64L << 20));
        }
        try (PortfolioDatabase database = PortfolioDatabase.open(url, user, password)) {
            SbomIngestion ingestion = new SbomIngestion(database, Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(uploads);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger failures = new AtomicInteger();
            List<Future<Long>> results = new ArrayList<>();
            for (int index = 0; index < uploads; index++) {
                UploadedSbom upload = documents.get(index);
                String version = "v" + index;
                results.add(pool.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    try {
                        IngestResult result =
                                ingestion.ingest(new IngestRequest(project, version, Set.of(), upload, "bench"));
                        if (result.outcome() != IngestResult.Outcome.CREATED) {
                            failures.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.err.println("ingest failed: " + e);
                    }
                    return System.nanoTime() - start;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            long[] nanos = new long[uploads];
            for (int index = 0; index < uploads; index++) {
                nanos[index] = results.get(index).get();
            }
            long wall = System.nanoTime() - start;
            pool.shutdown();
            long stored;
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM project_versions v JOIN projects p"
                            + " ON p.id = v.project_id WHERE p.name = '" + project
                            + "' AND v.current_sbom_id IS NOT NULL")) {
                result.next();
                stored = result.getLong(1);
            }
            Arrays.sort(nanos);
            System.out.printf(
                    Locale.ROOT,
                    "## %d concurrent SbomIngestion.ingest calls (%,d components each, one project,"
                            + " distinct versions, connection pool of 16)%n%n",
                    uploads,
                    components);
            System.out.printf(
                    Locale.ROOT,
                    "- errors: %d; versions stored: %d of %d; wall time %.0f ms (%.1f ingests/s)%n",
                    failures.get(),
                    stored,
                    uploads,
                    ms(wall),
                    uploads / (wall / 1e9));
            System.out.printf(
                    Locale.ROOT,
                    "- per ingest, including the wait for a pooled connection: p50 %.0f ms, max %.0f ms%n%n",
                    ms(percentile(nanos, 50)),
                    ms(nanos[nanos.length - 1]));
            if (failures.get() > 0 || stored != uploads) {
                throw new IllegalStateException("concurrent ingest lost or failed uploads");
            }
        }
    }

    /** CPU used so far by this JVM and by the children of the PostgreSQL postmaster (its backends). */
    private static long cpuNanos(long postmaster) {
        long nanos = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        java.io.File[] processes =
                new java.io.File("/proc").listFiles(file -> file.getName().matches("[0-9]+"));
        for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
            try {
                String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (Long.parseLong(fields[1]) == postmaster) {
                    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux)
                    nanos += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return nanos;
    }

    /** A CycloneDX JSON SBOM of a Java service: components drawn like the generated portfolio, a dependency tree. */
    private static byte[] cycloneDx(
            String project, String version, int count, PortfolioData data, SplittableRandom random) {
        String subject = "pkg:maven/com.example.bench/" + project + "@" + version;
        List<String> purls = new ArrayList<>(count);
        for (PortfolioData.Pkg pkg : PortfolioData.draw(
                data.maven(), Math.min(count, data.maven().packages().size()), random)) {
            purls.add(pkg.purls().get(random.nextInt(pkg.purls().size())));
        }
        for (int index = purls.size(); index < count; index++) {
            purls.add("pkg:maven/com.example.internal/module-" + index + "@1.0." + index);
        }
        StringBuilder json = new StringBuilder(count * 200);
        json.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"metadata\":{\"component\":")
                .append("{\"type\":\"application\",\"bom-ref\":\"")
                .append(subject)
                .append("\",\"name\":\"")
                .append(project)
                .append("\",\"version\":\"")
                .append(version)
                .append("\",\"purl\":\"")
                .append(subject)
                .append("\"}},")
                .append("\"components\":[");
        for (int index = 0; index < purls.size(); index++) {
            String purl = purls.get(index);
            String name = purl.substring(purl.lastIndexOf('/') + 1, purl.indexOf('@'));
            json.append(index == 0 ? "" : ",")
                    .append("{\"type\":\"library\",\"bom-ref\":\"")
                    .append(purl)
                    .append("\",\"name\":\"")
                    .append(name)
                    .append("\",\"version\":\"")
                    .append(purl.substring(purl.indexOf('@') + 1))
                    .append("\",\"purl\":\"")
                    .append(purl)
                    .append("\",\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}]}");
        }
        json.append("],\"dependencies\":[");
        Map<String, List<String>> children = new HashMap<>();
        for (int index = 0; index < purls.size(); index++) {
            String parent = index < 20 ? subject : purls.get(random.nextInt(index));
            children.computeIfAbsent(parent, key -> new ArrayList<>()).add(purls.get(index));
        }
        boolean first = true;
        for (Map.Entry<String, List<String>> entry : children.entrySet()) {
            json.append(first ? "" : ",")
                    .append("{\"ref\":\"")
                    .append(entry.getKey())
                    .append("\",\"dependsOn\":[");
            for (int index = 0; index < entry.getValue().size(); index++) {
                json.append(index == 0 ? "" : ",")
                        .append('"')
                        .append(entry.getValue().get(index))
                        .append('"');
            }
            json.append("]}");
            first = false;
        }
        json.append("]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(String label, long[] sorted) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                label,
                ms(percentile(sorted, 50)),
                ms(percentile(sorted, 90)),
                ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }
}
