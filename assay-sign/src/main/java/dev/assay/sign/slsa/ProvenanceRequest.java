package dev.assay.sign.slsa;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explicit values for a provenance predicate; each one given overrides what the CI environment says, each
 * one left null keeps it.
 *
 * @param sourceDigest the source commit as {@code ALGORITHM:HEX}: {@code sha1:} or {@code gitCommit:} for a
 *     git commit id, {@code sha256:} or {@code sha512:} otherwise
 * @param parameters user-chosen external parameters, e.g. workflow inputs, in the order given
 */
public record ProvenanceRequest(
        String builderId,
        String buildType,
        String sourceUri,
        String sourceRef,
        String sourceDigest,
        Instant startedOn,
        Instant finishedOn,
        String invocationId,
        Map<String, String> parameters) {
    public ProvenanceRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    }

    /** Everything from the environment. */
    public static ProvenanceRequest fromEnvironment() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for the nine optional values. */
    public static final class Builder {
        private String builderId;
        private String buildType;
        private String sourceUri;
        private String sourceRef;
        private String sourceDigest;
        private Instant startedOn;
        private Instant finishedOn;
        private String invocationId;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder() {}

        public Builder builderId(String value) {
            builderId = value;
            return this;
        }

        public Builder buildType(String value) {
            buildType = value;
            return this;
        }

        public Builder sourceUri(String value) {
            sourceUri = value;
            return this;
        }

        public Builder sourceRef(String value) {
            sourceRef = value;
            return this;
        }

        public Builder sourceDigest(String value) {
            sourceDigest = value;
            return this;
        }

        public Builder startedOn(Instant value) {
            startedOn = value;
            return this;
        }

        public Builder finishedOn(Instant value) {
            finishedOn = value;
            return this;
        }

        public Builder invocationId(String value) {
            invocationId = value;
            return this;
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            parameters.putAll(values);
            return this;
        }

        public ProvenanceRequest build() {
            return new ProvenanceRequest(
                    builderId,
                    buildType,
                    sourceUri,
                    sourceRef,
                    sourceDigest,
                    startedOn,
                    finishedOn,
                    invocationId,
                    parameters);
        }
    }
}
