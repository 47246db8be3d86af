package dev.assay.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a vulnerability id is published, by its prefix: CVEs at NVD, GHSA ids at the GitHub Advisory
 * Database, everything else (PYSEC, GO, RUSTSEC, OSV-..., distribution ids) at OSV, which indexes all of
 * them. Also decides which advisory references are safe to link to.
 */
final class AdvisorySources {
    record Source(String name, String url) {}

    private AdvisorySources() {}

    static Source of(String vulnerabilityId) {
        String id = vulnerabilityId.strip();
        String upper = id.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CVE-")) {
            return new Source("NVD", "https://nvd.nist.gov/vuln/detail/" + encode(upper));
        }
        if (upper.startsWith("GHSA-")) {
            return new Source("GitHub Advisory Database", "https://github.com/advisories/" + encode(id));
        }
        return new Source("OSV", osvUrl(id));
    }

    static String osvUrl(String vulnerabilityId) {
        return "https://osv.dev/vulnerability/" + encode(vulnerabilityId.strip());
    }

    /**
     * {@code reference} as a link when it is an absolute http(s) URL that parses as a URI; anything else
     * (relative text, {@code javascript:} and {@code data:} URLs, strings with spaces or angle brackets) is
     * not linked, because reports are opened in browsers and code scanning UIs.
     */
    static Optional<String> webLink(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 2048) {
            return Optional.empty();
        }
        String candidate = reference.strip();
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Percent-encodes an id for a URL path segment (ids are untrusted text). */
    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
