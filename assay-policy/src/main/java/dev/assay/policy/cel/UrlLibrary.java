package dev.assay.policy.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' CEL URL library ({@code k8s.io/apiserver/pkg/cel/library/urls.go}): {@code url(s)} accepts an
 * absolute URI or an absolute path, as Go's {@code url.ParseRequestURI}; the getters answer as Go's
 * {@code url.URL} does. Java's URI parser is stricter than Go's about characters that must be escaped
 * (a space, a raw {@code |}), so such URLs are rejected here where Kubernetes would accept them.
 */
final class UrlLibrary implements CelLibrary {
    static final OpaqueType TYPE = OpaqueType.create("kubernetes.URL");

    /** A parsed URL; its text is kept for equality, as two URLs are equal when their strings are. */
    record Url(URI uri) {}

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration(
                        "url", CelOverloadDecl.newGlobalOverload("string_to_url", TYPE, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration(
                        "isURL",
                        CelOverloadDecl.newGlobalOverload("is_url_string", SimpleType.BOOL, SimpleType.STRING)),
                getter("getScheme", "url_get_scheme", SimpleType.STRING),
                getter("getHost", "url_get_host", SimpleType.STRING),
                getter("getHostname", "url_get_hostname", SimpleType.STRING),
                getter("getPort", "url_get_port", SimpleType.STRING),
                getter("getEscapedPath", "url_get_escaped_path", SimpleType.STRING),
                getter(
                        "getQuery",
                        "url_get_query",
                        MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING))));
    }

    private static CelFunctionDecl getter(String name, String overload, dev.cel.common.types.CelType result) {
        return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newMemberOverload(overload, result, TYPE));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_to_url", String.class, UrlLibrary::parse),
                CelFunctionBinding.from("is_url_string", String.class, UrlLibrary::isUrl),
                CelFunctionBinding.from(
                        "url_get_scheme",
                        Url.class,
                        url -> nullToEmpty(url.uri().getScheme())),
                CelFunctionBinding.from("url_get_host", Url.class, UrlLibrary::host),
                CelFunctionBinding.from("url_get_hostname", Url.class, UrlLibrary::hostname),
                CelFunctionBinding.from("url_get_port", Url.class, UrlLibrary::port),
                CelFunctionBinding.from(
                        "url_get_escaped_path",
                        Url.class,
                        url -> nullToEmpty(url.uri().getRawPath())),
                CelFunctionBinding.from("url_get_query", Url.class, UrlLibrary::query));
    }

    static Url parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL parse error during conversion from string: " + e.getMessage(), e);
        }
        boolean absoluteUri = uri.getScheme() != null;
        boolean absolutePath = !absoluteUri && text.startsWith("/");
        if (!absoluteUri && !absolutePath) {
            throw new IllegalArgumentException(
                    "URL parse error during conversion from string: parse \"" + text + "\": invalid URI for request");
        }
        return new Url(uri);
    }

    static boolean isUrl(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Go's {@code URL.Host}: the host with its port, IPv6 literals in brackets. */
    static String host(Url url) {
        String authority = url.uri().getRawAuthority();
        if (authority == null) {
            return "";
        }
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    /** Go's {@code URL.Hostname()}: without the port and without the brackets of an IPv6 literal. */
    static String hostname(Url url) {
        String host = host(url);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host.substring(1) : host.substring(1, close);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Go's {@code URL.Port()}: the digits after the host's last colon, or {@code ""}. */
    static String port(Url url) {
        String host = host(url);
        int colon = host.lastIndexOf(':');
        if (colon < 0 || (host.startsWith("[") && colon < host.indexOf(']'))) {
            return "";
        }
        String port = host.substring(colon + 1);
        return port.chars().allMatch(Character::isDigit) ? port : "";
    }

    /** Go's {@code URL.Query()}: every key with its values in order; malformed pairs are dropped. */
    static Map<String, List<String>> query(Url url) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String raw = url.uri().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                values.computeIfAbsent(decode(key), ignored -> new ArrayList<>())
                        .add(decode(value));
            } catch (IllegalArgumentException e) {
                // Go's ParseQuery skips a pair it cannot unescape and keeps the rest.
            }
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
