package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.untrusted.SafeJson;
import java.util.Map;
import java.util.Optional;

/**
 * Outside a recognised CI system nothing is known: builder id and build type must be given. The external
 * parameters are the source repository and the user's parameters, under names of their own so that a
 * parameter can never pass for the source.
 */
public record NoCiEnvironment() implements BuildEnvironment {
    @Override
    public String name() {
        return "no CI system";
    }

    @Override
    public Optional<String> builderId() {
        return Optional.empty();
    }

    @Override
    public Optional<String> buildType() {
        return Optional.empty();
    }

    @Override
    public Optional<SourceRevision> source() {
        return Optional.empty();
    }

    @Override
    public Optional<String> invocationId() {
        return Optional.empty();
    }

    @Override
    public Optional<String> runId() {
        return Optional.empty();
    }

    @Override
    public ObjectNode externalParameters(Optional<SourceRevision> source, Map<String, String> parameters) {
        ObjectNode external = SafeJson.mapper().createObjectNode();
        source.ifPresent(s -> external.put("source", s.repository()));
        if (!parameters.isEmpty()) {
            ObjectNode user = external.putObject("parameters");
            parameters.forEach(user::put);
        }
        return external;
    }

    @Override
    public ObjectNode internalParameters() {
        return SafeJson.mapper().createObjectNode();
    }
}
