package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.intoto.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verifier needs from a provenance predicate, read from SLSA v1 or v0.2 alike: who built it and
 * which source it says was built, from every place the predicate records the source.
 *
 * <ul>
 *   <li>v1: {@code externalParameters.workflow {repository, ref}} (GitHub build types), {@code
 *       externalParameters.source} (GitLab, Assay outside CI) and the first {@code git+} entry of {@code
 *       resolvedDependencies};
 *   <li>v0.2: {@code invocation.configSource} and the first {@code git+} entry of {@code materials}.
 * </ul>
 *
 * @param builderId null when the predicate names no builder
 * @param buildType null when the predicate names none
 */
public record ProvenanceFacts(String predicateType, String builderId, String buildType, List<SourceClaim> sources) {
    public ProvenanceFacts {
        sources = List.copyOf(sources);
    }

    public static ProvenanceFacts of(Statement statement) {
        JsonNode predicate = statement.predicate();
        if (statement.predicateType().equals(PredicateTypes.SLSA_PROVENANCE_V02)) {
            return v02(predicate);
        }
        return v1(statement.predicateType(), predicate);
    }

    private static ProvenanceFacts v1(String type, JsonNode predicate) {
        JsonNode definition = predicate.path("buildDefinition");
        JsonNode external = definition.path("externalParameters");
        List<SourceClaim> sources = new ArrayList<>();
        JsonNode workflow = external.path("workflow");
        if (workflow.path("repository").isTextual()) {
            sources.add(new SourceClaim(
                    "externalParameters.workflow",
                    workflow.path("repository").asText(),
                    textOrNull(workflow.path("ref")),
                    Map.of()));
        }
        if (external.path("source").isTextual()) {
            sources.add(SourceClaim.fromDownloadLocation(
                    "externalParameters.source", external.path("source").asText(), Map.of()));
        }
        firstGitLocation(definition.path("resolvedDependencies"), "resolvedDependencies")
                .ifPresent(sources::add);
        return new ProvenanceFacts(
                type,
                textOrNull(predicate.path("runDetails").path("builder").path("id")),
                textOrNull(definition.path("buildType")),
                sources);
    }

    private static ProvenanceFacts v02(JsonNode predicate) {
        List<SourceClaim> sources = new ArrayList<>();
        JsonNode configSource = predicate.path("invocation").path("configSource");
        if (configSource.path("uri").isTextual()) {
            sources.add(SourceClaim.fromDownloadLocation(
                    "invocation.configSource", configSource.path("uri").asText(), digests(configSource)));
        }
        firstGitLocation(predicate.path("materials"), "materials").ifPresent(sources::add);
        return new ProvenanceFacts(
                PredicateTypes.SLSA_PROVENANCE_V02,
                textOrNull(predicate.path("builder").path("id")),
                textOrNull(predicate.path("buildType")),
                sources);
    }

    /**
     * The source among the dependencies: the first git location. Other entries (a runner image, a tool)
     * are inputs too, but not the source a ref is checked against.
     */
    private static java.util.Optional<SourceClaim> firstGitLocation(JsonNode array, String field) {
        if (!array.isArray()) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < array.size(); i++) {
            String uri = array.get(i).path("uri").asText("");
            if (uri.startsWith("git+")) {
                return java.util.Optional.of(
                        SourceClaim.fromDownloadLocation(field + "[" + i + "]", uri, digests(array.get(i))));
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, String> digests(JsonNode descriptor) {
        Map<String, String> digests = new LinkedHashMap<>();
        descriptor.path("digest").properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                digests.put(e.getKey(), e.getValue().asText());
            }
        });
        return digests;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
