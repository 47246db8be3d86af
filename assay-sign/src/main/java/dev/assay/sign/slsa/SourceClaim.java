package dev.assay.sign.slsa;

import java.util.Map;

/**
 * One place in a provenance that says which source was built.
 *
 * @param where the field, for verdicts, e.g. {@code resolvedDependencies[0]}
 * @param uri the repository as written there, without {@code git+} and without the ref
 * @param ref the git ref, or null when this place records none
 * @param digest the commit digests recorded there; may be empty
 */
public record SourceClaim(String where, String uri, String ref, Map<String, String> digest) {
    public SourceClaim {
        digest = Map.copyOf(digest);
    }

    /** Splits an SPDX download location ({@code git+https://host/repo@refs/tags/v1}) into uri and ref. */
    static SourceClaim fromDownloadLocation(String where, String location, Map<String, String> digest) {
        String uri = location.startsWith("git+") ? location.substring(4) : location;
        int schemeEnd = uri.indexOf("://");
        int pathStart = schemeEnd < 0 ? 0 : uri.indexOf('/', schemeEnd + 3);
        int at = pathStart < 0 ? -1 : uri.indexOf('@', pathStart);
        if (at < 0) {
            return new SourceClaim(where, uri, null, digest);
        }
        return new SourceClaim(where, uri.substring(0, at), uri.substring(at + 1), digest);
    }

    /** The commit, for people: the git commit id when recorded. */
    String commit() {
        String commit = digest.get("gitCommit");
        return commit != null ? commit : digest.getOrDefault("sha1", "");
    }
}
