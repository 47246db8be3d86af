package dev.assay.bench.portfolio;

import dev.assay.model.Purl;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A synthetic portfolio written straight into the schema with PostgreSQL's COPY: projects of ten versions
 * each, every version an inventory of components drawn from its ecosystem's packages with Zipf-like
 * popularity (a few libraries are in nearly every version, most in few), a dependency tree under the
 * version's subject with some diamonds, tags and image digests. log4j-core sits at a middling popularity
 * rank with versions on both sides of 2.17.1. The same seed gives the same portfolio.
 */
final class PortfolioData {
    static final String LOG4J_CORE = "pkg:maven/org.apache.logging.log4j/log4j-core";
    static final String JACKSON_DATABIND = "pkg:maven/com.fasterxml.jackson.core/jackson-databind";
    static final String LODASH = "pkg:npm/lodash";
    static final String REQUESTS = "pkg:pypi/requests";
    private static final int VERSIONS_PER_PROJECT = 10;
    private static final int DIRECT_DEPENDENCIES = 20;
    private static final String NOW = "2026-12-01 10:00:00+00";
    private static final List<String> LOG4J_VERSIONS = List.of(
            "2.0", "2.0.2", "2.3", "2.5", "2.6.2", "2.8.2", "2.11.1", "2.12.1", "2.13.3", "2.14.0", "2.14.1", "2.15.0",
            "2.16.0", "2.17.0", "2.17.1", "2.17.2", "2.19.0", "2.20.0", "2.21.1", "2.23.1");

    /** One ecosystem's packages, most popular first, each with the versions it is found in. */
    record Ecosystem(String type, List<Pkg> packages, double[] cumulative) {}

    record Pkg(String purlBase, List<String> purls, List<String> versions, String namespace, String name) {}

    record Counts(long projects, long versions, long components, long edges, long log4jVersions) {}

    private final int versions;
    private final int componentsPerVersion;
    private final long seed;
    private final List<Ecosystem> ecosystems;

    PortfolioData(int versions, int componentsPerVersion, long seed) {
        this.versions = versions;
        this.componentsPerVersion = componentsPerVersion;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        this.ecosystems = List.of(
                ecosystem("maven", 2_500, Map.of(0, JACKSON_DATABIND, 500, LOG4J_CORE), random),
                ecosystem("npm", 2_000, Map.of(0, LODASH), random),
                ecosystem("pypi", 1_000, Map.of(40, REQUESTS), random));
    }

    int distinctPackages() {
        return ecosystems.stream()
                .mapToInt(ecosystem -> ecosystem.packages().size())
                .sum();
    }

    /** Half the projects are Java, a third JavaScript, the rest Python. */
    Ecosystem ecosystemOf(int project) {
        int bucket = project % 6;
        return ecosystems.get(bucket < 3 ? 0 : bucket < 5 ? 1 : 2);
    }

    Ecosystem maven() {
        return ecosystems.getFirst();
    }

    /** Draws {@code count} distinct packages by popularity. */
    static List<Pkg> draw(Ecosystem ecosystem, int count, SplittableRandom random) {
        LinkedHashSet<Pkg> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(count, ecosystem.packages().size())) {
            double point = random.nextDouble();
            int index = java.util.Arrays.binarySearch(ecosystem.cumulative(), point);
            chosen.add(ecosystem
                    .packages()
                    .get(Math.min(
                            index < 0 ? -index - 1 : index, ecosystem.packages().size() - 1)));
        }
        return new ArrayList<>(chosen);
    }

    Counts write(Connection connection) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement()) {
            // CASCADE: later migrations add tables that reference these (triage decisions, sightings).
            statement.execute("TRUNCATE projects, project_versions, version_tags, sbom_documents, components,"
                    + " dependency_edges, image_digests, vulnerability_aliases, findings, audit_log CASCADE");
            // Foreign keys are checked by triggers, which replica mode skips: the generator writes consistent
            // ids itself. The package index is built once at the end instead of row by row.
            statement.execute("SET session_replication_role = replica");
            statement.execute("DROP INDEX IF EXISTS components_by_package");
        }
        int projects = (versions + VERSIONS_PER_PROJECT - 1) / VERSIONS_PER_PROJECT;
        StringBuilder rows = new StringBuilder();
        for (int project = 0; project < projects; project++) {
            rows.append(project + 1)
                    .append("\tsvc-%05d\t".formatted(project))
                    .append(NOW)
                    .append('\n');
        }
        copy.copyIn("COPY projects (id, name, created_at) FROM STDIN", new StringReader(rows.toString()));

        StringBuilder versionRows = new StringBuilder();
        StringBuilder documents = new StringBuilder();
        StringBuilder tags = new StringBuilder();
        StringBuilder digests = new StringBuilder();
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (int version = 0; version < versions; version++) {
            int project = version / VERSIONS_PER_PROJECT;
            int minor = version % VERSIONS_PER_PROJECT;
            long id = version + 1L;
            versionRows
                    .append(id)
                    .append('\t')
                    .append(project + 1)
                    .append("\t1.")
                    .append(minor)
                    .append(".0\t")
                    .append(NOW)
                    .append('\t')
                    .append(NOW)
                    .append('\t')
                    .append(id)
                    .append('\n');
            documents
                    .append(id)
                    .append('\t')
                    .append(id)
                    .append('\t')
                    .append(sha(id))
                    .append("\tcyclonedx-json\t0\t\\\\x\t")
                    .append(componentsPerVersion + 1)
                    .append('\t')
                    .append(NOW)
                    .append('\n');
            tags.append(id)
                    .append('\t')
                    .append(minor == VERSIONS_PER_PROJECT - 1 ? "prod" : "staging")
                    .append('\n');
            if (random.nextInt(10) < 7) {
                digests.append(id)
                        .append('\t')
                        .append(id)
                        .append("\tsha256:")
                        .append(sha(id * 31))
                        .append('\t')
                        .append("registry.example/svc-%05d".formatted(project))
                        .append('\t')
                        .append(NOW)
                        .append('\n');
            }
        }
        copy.copyIn(
                "COPY project_versions (id, project_id, version, created_at, updated_at, current_sbom_id) FROM STDIN",
                new StringReader(versionRows.toString()));
        copy.copyIn(
                "COPY sbom_documents (id, version_id, content_sha256, format, document_bytes, gzip_content,"
                        + " component_count, uploaded_at) FROM STDIN",
                new StringReader(documents.toString()));
        copy.copyIn("COPY version_tags (version_id, tag) FROM STDIN", new StringReader(tags.toString()));
        copy.copyIn(
                "COPY image_digests (id, version_id, digest, repository, linked_at) FROM STDIN",
                new StringReader(digests.toString()));

        long components = 0;
        long edges = 0;
        long log4j = 0;
        StringBuilder componentRows = new StringBuilder(8 << 20);
        StringBuilder edgeRows = new StringBuilder(2 << 20);
        for (int version = 0; version < versions; version++) {
            int project = version / VERSIONS_PER_PROJECT;
            long versionId = version + 1L;
            long firstId = version * (componentsPerVersion + 1L) + 1;
            String subject = "pkg:maven/com.example.portfolio/svc-%05d@1.%d.0"
                    .formatted(project, version % VERSIONS_PER_PROJECT);
            component(
                    componentRows,
                    firstId,
                    versionId,
                    subject,
                    "pkg:maven/com.example.portfolio/svc-%05d".formatted(project),
                    "maven",
                    "com.example.portfolio",
                    "svc-%05d".formatted(project),
                    "1.%d.0".formatted(version % VERSIONS_PER_PROJECT),
                    "application",
                    true,
                    subject);
            List<Pkg> drawn = draw(ecosystemOf(project), componentsPerVersion, random);
            // Each component's shortest path from the subject, in COPY's text form, as ingestion stores it.
            String[] rootPaths = new String[drawn.size()];
            for (int index = 0; index < drawn.size(); index++) {
                Pkg pkg = drawn.get(index);
                int choice = random.nextInt(pkg.versions().size());
                if (pkg.purlBase().equals(LOG4J_CORE)) {
                    log4j++;
                }
                long to = firstId + 1 + index;
                int parentIndex = index < DIRECT_DEPENDENCIES ? -1 : random.nextInt(index);
                int otherIndex = index >= DIRECT_DEPENDENCIES && random.nextInt(10) == 0 ? random.nextInt(index) : -2;
                if (otherIndex == parentIndex) {
                    otherIndex = -2;
                }
                int shorterIndex = otherIndex >= 0 && depth(rootPaths[otherIndex]) < depth(rootPaths[parentIndex])
                        ? otherIndex
                        : parentIndex;
                rootPaths[index] = (shorterIndex < 0 ? subject : rootPaths[shorterIndex]) + "\\n"
                        + pkg.purls().get(choice);
                component(
                        componentRows,
                        firstId + 1 + index,
                        versionId,
                        pkg.purls().get(choice),
                        pkg.purlBase(),
                        pkg.purlBase().substring(4, pkg.purlBase().indexOf('/')),
                        pkg.namespace(),
                        pkg.name(),
                        pkg.versions().get(choice),
                        "library",
                        false,
                        rootPaths[index]);
                edge(edgeRows, versionId, parentIndex < 0 ? firstId : firstId + 1 + parentIndex, to);
                edges++;
                if (otherIndex >= 0) {
                    edge(edgeRows, versionId, firstId + 1 + otherIndex, to);
                    edges++;
                }
            }
            components += drawn.size() + 1;
            if (componentRows.length() > (6 << 20) || version == versions - 1) {
                copy.copyIn(
                        "COPY components (id, version_id, purl, purl_base, type, namespace, name, pkg_version,"
                                + " kind, scope, licenses, is_subject, root_path) FROM STDIN",
                        new StringReader(componentRows.toString()));
                copy.copyIn(
                        "COPY dependency_edges (version_id, from_component, to_component, type) FROM STDIN",
                        new StringReader(edgeRows.toString()));
                componentRows.setLength(0);
                edgeRows.setLength(0);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '1GB'");
            statement.execute("CREATE INDEX components_by_package ON components (purl_base, pkg_version, version_id)");
            statement.execute("SET session_replication_role = DEFAULT");
            for (String table :
                    List.of("projects", "project_versions", "sbom_documents", "components", "image_digests")) {
                statement.execute("SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT max(id) FROM %s))"
                        .formatted(table, table));
            }
            // Index-only scans need the visibility map that VACUUM writes; ANALYZE gives the planner the
            // statistics a long-running server would have.
            statement.execute("VACUUM ANALYZE");
        }
        return new Counts(projects, versions, components, edges, log4j);
    }

    private static void component(
            StringBuilder rows,
            long id,
            long versionId,
            String purl,
            String purlBase,
            String type,
            String namespace,
            String name,
            String version,
            String kind,
            boolean subject,
            String rootPath) {
        rows.append(id)
                .append('\t')
                .append(versionId)
                .append('\t')
                .append(purl)
                .append('\t')
                .append(purlBase)
                .append('\t')
                .append(type)
                .append('\t')
                .append(namespace)
                .append('\t')
                .append(name)
                .append('\t')
                .append(version)
                .append('\t')
                .append(kind)
                .append("\trequired\tApache-2.0\t")
                .append(subject ? 't' : 'f')
                .append('\t')
                .append(rootPath)
                .append('\n');
    }

    /** Edges from the subject on a path in COPY text form (its separators are the two characters \\n). */
    private static int depth(String rootPath) {
        int depth = 0;
        for (int at = rootPath.indexOf("\\n"); at >= 0; at = rootPath.indexOf("\\n", at + 2)) {
            depth++;
        }
        return depth;
    }

    private static void edge(StringBuilder rows, long versionId, long from, long to) {
        rows.append(versionId).append('\t').append(from).append('\t').append(to).append("\tDEPENDS_ON\n");
    }

    private static String sha(long value) {
        String hex = HexFormat.of().toHexDigits(value);
        return hex.repeat(4);
    }

    private static Ecosystem ecosystem(String type, int size, Map<Integer, String> pinned, SplittableRandom random) {
        List<Pkg> packages = new ArrayList<>(size);
        double[] cumulative = new double[size];
        double total = 0;
        for (int rank = 0; rank < size; rank++) {
            total += 1.0 / (rank + 1);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= total;
            String base = pinned.get(rank);
            if (base == null) {
                base = switch (type) {
                    case "maven" -> "pkg:maven/org.example.group%03d/artifact-%04d".formatted(rank % 300, rank);
                    case "npm" -> "pkg:npm/module-%04d".formatted(rank);
                    default -> "pkg:pypi/project-%04d".formatted(rank);
                };
            }
            List<String> versions = base.equals(LOG4J_CORE) ? LOG4J_VERSIONS : versions(random);
            Purl identity = Purl.parse(base);
            List<String> purls = versions.stream()
                    .map(version -> Purl.of(
                                    identity.type(),
                                    identity.namespace().orElse(""),
                                    identity.name(),
                                    version,
                                    Map.of())
                            .toString())
                    .toList();
            packages.add(new Pkg(
                    identity.withoutVersion(),
                    purls,
                    versions,
                    identity.namespace().orElse(""),
                    identity.name()));
        }
        return new Ecosystem(type, packages, cumulative);
    }

    private static List<String> versions(SplittableRandom random) {
        int count = 3 + random.nextInt(13);
        int major = 1 + random.nextInt(5);
        List<String> versions = new ArrayList<>(count);
        int minor = 0;
        int patch = 0;
        for (int index = 0; index < count; index++) {
            if (random.nextInt(3) == 0) {
                minor++;
                patch = 0;
            } else {
                patch++;
            }
            versions.add(major + "." + minor + "." + patch);
        }
        return versions;
    }
}
