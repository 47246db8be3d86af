package dev.assay.sign.slsa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An in-toto resource descriptor as provenance uses it for {@code resolvedDependencies}: a URI and its
 * digests (algorithm, as in-toto spells it, to hex; {@code gitCommit} for a git commit id).
 */
public record ResourceDescriptor(String uri, Map<String, String> digest) {
    public ResourceDescriptor {
        Objects.requireNonNull(uri, "uri");
        digest = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(digest));
    }
}
