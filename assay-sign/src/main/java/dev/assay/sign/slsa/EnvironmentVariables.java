package dev.assay.sign.slsa;

import java.util.Map;
import java.util.Optional;

/** Reads of a CI environment: a variable that is unset or blank is absent. */
record EnvironmentVariables(Map<String, String> values) {
    EnvironmentVariables {
        values = Map.copyOf(values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    void putIfPresent(com.fasterxml.jackson.databind.node.ObjectNode node, String field, String variable) {
        get(variable).ifPresent(value -> node.put(field, value));
    }
}
