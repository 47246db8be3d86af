package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.attest.Predicate;
import dev.assay.sign.intoto.PredicateTypes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SLSA Provenance v1 predicate (https://slsa.dev/spec/v1.0/provenance): {@code buildDefinition {buildType,
 * externalParameters, internalParameters, resolvedDependencies}} and {@code runDetails {builder {id},
 * metadata {invocationId, startedOn, finishedOn}}}. Optional fields that are unknown are left out rather
 * than written empty.
 *
 * @param invocationId null when unknown
 * @param startedOn null when unknown
 * @param finishedOn null when unknown
 */
public record ProvenancePredicate(
        String buildType,
        ObjectNode externalParameters,
        ObjectNode internalParameters,
        List<ResourceDescriptor> resolvedDependencies,
        String builderId,
        String invocationId,
        Instant startedOn,
        Instant finishedOn) {
    public ProvenancePredicate {
        Objects.requireNonNull(buildType, "buildType");
        Objects.requireNonNull(builderId, "builderId");
        externalParameters = externalParameters.deepCopy();
        internalParameters = internalParameters.deepCopy();
        resolvedDependencies = List.copyOf(resolvedDependencies);
    }

    @Override
    public ObjectNode externalParameters() {
        return externalParameters.deepCopy();
    }

    @Override
    public ObjectNode internalParameters() {
        return internalParameters.deepCopy();
    }

    public ObjectNode toJson() {
        ObjectNode predicate = SafeJson.mapper().createObjectNode();
        ObjectNode definition = predicate.putObject("buildDefinition");
        definition.put("buildType", buildType);
        definition.set("externalParameters", externalParameters.deepCopy());
        if (!internalParameters.isEmpty()) {
            definition.set("internalParameters", internalParameters.deepCopy());
        }
        if (!resolvedDependencies.isEmpty()) {
            ArrayNode dependencies = definition.putArray("resolvedDependencies");
            for (ResourceDescriptor dependency : resolvedDependencies) {
                ObjectNode entry = dependencies.addObject();
                entry.put("uri", dependency.uri());
                if (!dependency.digest().isEmpty()) {
                    ObjectNode digest = entry.putObject("digest");
                    dependency.digest().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .forEach(e -> digest.put(e.getKey(), e.getValue()));
                }
            }
        }
        ObjectNode run = predicate.putObject("runDetails");
        run.putObject("builder").put("id", builderId);
        ObjectNode metadata = SafeJson.mapper().createObjectNode();
        if (invocationId != null) {
            metadata.put("invocationId", invocationId);
        }
        if (startedOn != null) {
            metadata.put("startedOn", startedOn.toString());
        }
        if (finishedOn != null) {
            metadata.put("finishedOn", finishedOn.toString());
        }
        if (!metadata.isEmpty()) {
            run.set("metadata", metadata);
        }
        return predicate;
    }

    /** As a predicate of a statement: type {@code https://slsa.dev/provenance/v1}. */
    public Predicate asPredicate() {
        return new Predicate(PredicateTypes.SLSA_PROVENANCE_V1, toJson());
    }
}
