package dev.assay.server.portfolio.api;

import dev.assay.engine.SbomUploads;
import dev.assay.engine.UploadedSbom;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.findings.FindingMatching;
import dev.assay.server.portfolio.store.IngestRequest;
import dev.assay.server.portfolio.store.IngestResult;
import dev.assay.server.portfolio.store.SbomIngestion;
import dev.assay.vulndb.AdvisoryStore;
import io.helidon.http.Status;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/** {@code POST /sboms}: an SBOM becomes the inventory of a project version. */
final class SbomRoutes implements ApiRoutes {
    /**
     * What an SBOM upload may declare. No declared type is accepted too (the content is recognised by
     * itself), but a form encoding is refused: it is what {@code curl -d} sends by mistake, and it would
     * mangle the document.
     */
    static final Set<String> MEDIA_TYPES = Set.of(
            "application/json",
            "application/xml",
            "text/xml",
            "application/vnd.cyclonedx+json",
            "application/vnd.cyclonedx+xml",
            "application/spdx+json",
            "application/gzip",
            "application/x-gzip",
            "application/octet-stream");

    private static final int MAX_TAGS = 32;

    private final SbomIngestion ingestion;
    private final FindingMatching matching;
    private final Supplier<AdvisoryStore> advisories;

    /** @param advisories null when no advisory data is configured: inventories are stored unmatched */
    SbomRoutes(SbomIngestion ingestion, FindingMatching matching, Supplier<AdvisoryStore> advisories) {
        this.ingestion = ingestion;
        this.matching = matching;
        this.advisories = advisories;
    }

    record UploadResponse(
            String project,
            String version,
            String outcome,
            int components,
            int dependencyEdges,
            String sbomSha256,
            long findings) {}

    @Override
    public void register(ApiRouter router) {
        router.post("/sboms", Scope.UPLOAD, this::upload);
    }

    private void upload(ApiExchange exchange) {
        String project = Names.require(exchange.requiredQuery("project"), "project");
        String version = Names.require(exchange.requiredQuery("version"), "version");
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : exchange.queryAll("tag")) {
            tags.add(Names.require(tag, "tag"));
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiProblem.badRequest("at most " + MAX_TAGS + " tags per upload");
        }
        long limit = exchange.limits().maxUploadBytes();
        byte[] body = exchange.upload(MEDIA_TYPES, "the SBOM document");
        // Recognised by content (gzip magic, then the document's own format), never by the headers alone.
        UploadedSbom sbom = SbomUploads.read(body, "the uploaded SBOM", limit);
        IngestResult result = ingestion.ingest(new IngestRequest(
                project, version, tags, sbom, exchange.caller().name()));
        // Matched right after the ingest so that the answer tells the uploader what the SBOM contains.
        long findings = advisories == null
                ? 0
                : matching.matchVersion(result.versionId(), advisories.get()).openFindings();
        exchange.respond(
                result.outcome() == IngestResult.Outcome.CREATED ? Status.CREATED_201 : Status.OK_200,
                new UploadResponse(
                        project,
                        version,
                        result.outcome().name(),
                        result.components(),
                        result.dependencyEdges(),
                        result.sha256(),
                        findings));
    }
}
