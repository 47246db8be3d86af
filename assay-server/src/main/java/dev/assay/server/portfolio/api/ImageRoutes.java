package dev.assay.server.portfolio.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.server.portfolio.audit.AuditLog;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import io.helidon.http.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/**
 * {@code POST /images}: links an image digest to the project version whose SBOM it was scanned from, so
 * that impact analysis can name the running images.
 */
final class ImageRoutes implements ApiRoutes {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}");
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9][a-z0-9._/:-]{0,1023}");

    private final PortfolioDatabase database;
    private final Clock clock;

    ImageRoutes(PortfolioDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    record ImageLink(String digest, String repository, String project, String version, boolean created) {}

    @Override
    public void register(ApiRouter router) {
        router.post("/images", Scope.UPLOAD, this::link);
    }

    private void link(ApiExchange exchange) {
        JsonNode body = exchange.jsonBody();
        String digest = ApiExchange.requiredText(body, "digest");
        if (!DIGEST.matcher(digest).matches()) {
            throw ApiProblem.badRequest("the digest must be sha256:<64 lower-case hex digits> (or sha512:<128>)");
        }
        String repository = ApiExchange.requiredText(body, "repository");
        if (!REPOSITORY.matcher(repository).matches()) {
            throw ApiProblem.badRequest(
                    "the repository must be an image repository such as registry.example.com/team/app");
        }
        String project = Names.require(ApiExchange.requiredText(body, "project"), "project");
        String version = Names.require(ApiExchange.requiredText(body, "version"), "version");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        boolean created;
        try {
            created = database.jdbi().inTransaction(handle -> {
                long versionId = PortfolioReads.versionId(handle, project, version)
                        .orElseThrow(
                                () -> ApiProblem.notFound("no version '" + version + "' of project '" + project + "'"));
                boolean exists = handle.createQuery(
                                        "SELECT COUNT(*) FROM image_digests WHERE digest = :digest AND version_id = :version")
                                .bind("digest", digest)
                                .bind("version", versionId)
                                .mapTo(Long.class)
                                .one()
                        > 0;
                if (exists) {
                    return false;
                }
                handle.createUpdate("""
                                INSERT INTO image_digests (version_id, digest, repository, linked_at)
                                VALUES (:version, :digest, :repository, :now)""")
                        .bind("version", versionId)
                        .bind("digest", digest)
                        .bind("repository", repository)
                        .bind("now", now)
                        .execute();
                AuditLog.record(
                        handle,
                        now,
                        exchange.caller().name(),
                        "image.link",
                        project + "@" + version,
                        repository + "@" + digest);
                return true;
            });
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot link " + digest + " to " + project + "@" + version + ": " + e.getMessage(), digest, e);
        }
        exchange.respond(
                created ? Status.CREATED_201 : Status.OK_200,
                new ImageLink(digest, repository, project, version, created));
    }
}
