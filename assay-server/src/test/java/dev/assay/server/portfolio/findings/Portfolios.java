package dev.assay.server.portfolio.findings;

import dev.assay.engine.SbomUploads;
import dev.assay.model.Advisory;
import dev.assay.model.KevEntry;
import dev.assay.server.portfolio.store.IngestRequest;
import dev.assay.server.portfolio.store.IngestResult;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.SbomIngestion;
import dev.assay.testkit.Corpora;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import dev.assay.vulndb.kev.KevCatalogReader;
import dev.assay.vulndb.osv.OsvDocument;
import dev.assay.vulndb.osv.OsvRecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test inventories and real advisories: CycloneDX documents built from purls and uploaded through the
 * same path an upload takes, and the curated GitHub advisories (Log4Shell and friends) with the CISA KEV
 * catalog from the shared corpora.
 */
public final class Portfolios {
    public static final String LOG4J_2_14 = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    public static final String LOG4J_2_17_1 = "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1";
    public static final String LOG4J_API = "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1";
    public static final String JACKSON_2_9_8 = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8";
    public static final String APP_1 = "pkg:maven/com.acme/shop@1.0.0";
    public static final String FRAMEWORK = "pkg:maven/org.example/framework@3.0.0";
    public static final String LOG4SHELL = "CVE-2021-44228";
    public static final String LOG4SHELL_GHSA = "GHSA-jfh8-c2jp-5v3q";
    /** CVE-2021-45046, the incomplete fix of Log4Shell. */
    public static final String LOG4SHELL_2_GHSA = "GHSA-7rjr-3q55-vv33";

    private Portfolios() {}

    /** Every curated advisory read by the real OSV reader, minus those {@code exclude} rejects. */
    public static List<Advisory> curatedAdvisories(Predicate<String> exclude) {
        Path directory = Corpora.require("advisories/github-advisory-database-curated/advisories");
        List<Advisory> advisories = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                OsvDocument document = OsvRecordReader.read(
                        Files.readAllBytes(file), OsvRecordReader.Format.JSON, file.toString(), "osv:GHSA");
                if (document instanceof OsvDocument.Record record
                        && !exclude.test(record.advisory().id())) {
                    advisories.add(record.advisory());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return advisories;
    }

    public static List<KevEntry> kev() {
        try {
            return KevCatalogReader.read(Corpora.require("cisa-kev/known_exploited_vulnerabilities.json"))
                    .entries();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InMemoryAdvisoryStore store(List<Advisory> advisories) {
        return InMemoryAdvisoryStore.of(advisories, kev(), List.of(), Instant.parse("2026-12-01T00:00:00Z"));
    }

    public static InMemoryAdvisoryStore curatedStore() {
        return store(curatedAdvisories(id -> false));
    }

    /** An application depending on {@code direct}, each depending on what {@code edges} says. */
    public static String cycloneDx(String subject, List<String> components, Map<String, List<String>> dependsOn) {
        String componentJson = components.stream()
                .map(purl -> "{\"type\":\"library\",\"bom-ref\":\"" + purl + "\",\"name\":\"" + nameOf(purl)
                        + "\",\"version\":\"" + versionOf(purl) + "\",\"purl\":\"" + purl + "\"}")
                .collect(Collectors.joining(",\n    "));
        String dependencyJson = dependsOn.entrySet().stream()
                .map(entry -> "{\"ref\":\"" + entry.getKey() + "\",\"dependsOn\":["
                        + entry.getValue().stream().map(to -> "\"" + to + "\"").collect(Collectors.joining(","))
                        + "]}")
                .collect(Collectors.joining(",\n    "));
        return """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"%s","name":"%s","version":"%s","purl":"%s"}},
                 "components":[
                    %s],
                 "dependencies":[
                    %s]}
                """.formatted(subject, nameOf(subject), versionOf(subject), subject, componentJson, dependencyJson);
    }

    public static IngestResult upload(
            PortfolioDatabase database, Clock clock, String project, String version, String json) {
        return new SbomIngestion(database, clock)
                .ingest(new IngestRequest(
                        project,
                        version,
                        Set.of(),
                        SbomUploads.read(json.getBytes(StandardCharsets.UTF_8), "upload.json", 64L << 20),
                        "test"));
    }

    private static String nameOf(String purl) {
        String path = purl.substring(0, purl.indexOf('@'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String versionOf(String purl) {
        return purl.substring(purl.indexOf('@') + 1);
    }
}
