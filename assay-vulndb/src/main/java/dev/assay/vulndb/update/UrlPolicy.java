package dev.assay.vulndb.update;

import dev.assay.model.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs the downloader may fetch. Only http and https; plain http only to loopback unless the user
 * allowed insecure mirrors, because an advisory dump altered in transit would silently hide
 * vulnerabilities. Loopback is decided from the literal host, never by a DNS lookup, so a name that
 * resolves to 127.0.0.1 does not count.
 */
final class UrlPolicy {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private UrlPolicy() {}

    /** Checks the configured mirror URL; throws for one the options do not allow. */
    static URI requireAllowedBase(URI baseUrl, boolean allowInsecure) {
        String scheme = scheme(baseUrl);
        String shown = baseUrl.toString();
        if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidInputException(
                    "the OSV mirror URL must be an http or https URL: " + shown,
                    shown,
                    "use e.g. " + OsvDownloadOptions.DEFAULT_BASE_URL,
                    null);
        }
        if (baseUrl.getHost() == null || baseUrl.getHost().isEmpty()) {
            throw new InvalidInputException("the OSV mirror URL has no host: " + shown, shown);
        }
        if (baseUrl.getRawUserInfo() != null) {
            // Credentials in a URL end up in logs and process listings.
            throw new InvalidInputException("the OSV mirror URL must not contain credentials", baseUrl.getHost());
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new InvalidInputException("the OSV mirror URL must not have a query or fragment: " + shown, shown);
        }
        if (scheme.equals("http") && !allowInsecure && !isLoopback(baseUrl.getHost())) {
            throw new InvalidInputException(
                    "refusing plain HTTP to " + baseUrl.getHost() + " for the OSV mirror",
                    shown,
                    "use https, or allow insecure mirrors explicitly if this one is trusted",
                    null);
        }
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + baseUrl.getRawAuthority() + path);
    }

    /**
     * Why a redirect from {@code from} to {@code to} must not be followed, if it must not. Plain http is
     * followed only to loopback from loopback (a remote mirror must not steer the client into local
     * services), or anywhere when insecure mirrors are allowed.
     */
    static Optional<String> redirectRefusal(URI from, URI to, boolean allowInsecure) {
        String scheme = scheme(to);
        if (!to.isAbsolute() || to.getHost() == null || to.getHost().isEmpty()) {
            return Optional.of("redirect to an unusable location: " + to);
        }
        if (to.getRawUserInfo() != null) {
            return Optional.of("redirect to a URL with credentials on " + to.getHost());
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (!scheme.equals("http")) {
            return Optional.of("redirect to a " + scheme + " URL on " + to.getHost());
        }
        if (allowInsecure || (isLoopback(to.getHost()) && isLoopback(from.getHost()))) {
            return Optional.empty();
        }
        return Optional.of("redirect to plain HTTP on " + to.getHost() + " (only https is followed)");
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (IPV4_LITERAL.matcher(bare).matches()) {
            // 127.0.0.0/8; parsed by hand so that an invalid literal never becomes a DNS query.
            String[] octets = bare.split("\\.", -1);
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        if (!bare.contains(":")) {
            return false;
        }
        try {
            // Bracketed, an invalid IPv6 literal is rejected instead of being looked up as a name.
            return InetAddress.getByName("[" + bare + "]").isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}
