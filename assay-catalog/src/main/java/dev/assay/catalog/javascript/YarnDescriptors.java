package dev.assay.catalog.javascript;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The small grammar of Yarn descriptors ({@code name@range}) and locators, shared by both formats. */
final class YarnDescriptors {
    private static final Pattern PROTOCOL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private YarnDescriptors() {}

    /** The name part of {@code name@range}; a scope's leading {@code @} is part of the name. */
    static String nameOf(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at < 0 ? descriptor : descriptor.substring(0, at);
    }

    /** The range part of {@code name@range}, or empty. */
    static String rangeOf(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at < 0 ? "" : descriptor.substring(at + 1);
    }

    /** For an alias {@code foo@npm:bar@^1}, the real package {@code bar}; otherwise empty. */
    static String aliasTarget(String descriptor) {
        String range = rangeOf(descriptor);
        if (range.startsWith("npm:")) {
            String target = range.substring(4);
            int at = target.indexOf('@', 1);
            if (at > 0) {
                return target.substring(0, at);
            }
        }
        return "";
    }

    /** Berry always writes a protocol in lockfile keys; manifests and old entries leave {@code npm:} implicit. */
    static String berryDescriptor(String name, String range) {
        return PROTOCOL.matcher(range).matches() ? name + "@" + range : name + "@npm:" + range;
    }

    /**
     * The package name of a registry tarball URL ({@code https://registry.yarnpkg.com/@s/n/-/n-1.0.0.tgz}),
     * which is the package really installed even when the descriptor names an alias or a fork. Empty when
     * the URL does not have the registry layout.
     */
    static String registryName(String resolved) {
        int marker = resolved.indexOf("/-/");
        if (marker < 0) {
            return "";
        }
        String before;
        try {
            before = URLDecoder.decode(resolved.substring(0, marker).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
        int slash = before.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String name = before.substring(slash + 1);
        int previous = before.lastIndexOf('/', slash - 1);
        String parent = before.substring(previous + 1, slash);
        String tarball = resolved.substring(marker + 3);
        if (name.isEmpty() || !tarball.startsWith(name + "-")) {
            return "";
        }
        return parent.startsWith("@") && parent.length() > 1 ? parent + "/" + name : name;
    }
}
