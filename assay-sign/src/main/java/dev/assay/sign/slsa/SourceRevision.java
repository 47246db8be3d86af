package dev.assay.sign.slsa;

import java.util.Map;
import java.util.Objects;

/**
 * The source a build started from.
 *
 * @param repository the repository's URI, e.g. {@code https://github.com/acme/app} (no {@code git+})
 * @param ref the git ref built, e.g. {@code refs/tags/v1.2.0}; null when unknown
 * @param digest the commit, e.g. {@code gitCommit} to hex; empty when unknown
 */
public record SourceRevision(String repository, String ref, Map<String, String> digest) {
    public SourceRevision {
        Objects.requireNonNull(repository, "repository");
        digest = Map.copyOf(digest);
    }

    /** The SPDX download location form provenance uses: {@code git+REPOSITORY@REF}. */
    public String dependencyUri() {
        String uri = repository.startsWith("git+") ? repository : "git+" + repository;
        return ref == null ? uri : uri + "@" + ref;
    }

    ResourceDescriptor asDependency() {
        return new ResourceDescriptor(dependencyUri(), digest);
    }
}
