package dev.assay.catalog.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Resolves a path inside a root as if the root were {@code /}: absolute links and {@code ..} are
 * interpreted against the root and can never climb out of it, the way a container runtime sees an image's
 * filesystem. A root filesystem's {@code etc/os-release -> ../usr/lib/os-release} resolves, while a hostile
 * {@code evil -> /etc/shadow} resolves to the root's own {@code etc/shadow}, never the host's.
 */
final class RootedPaths {
    private static final int MAX_LINK_HOPS = 40;

    private RootedPaths() {}

    /** The host path of a relative path under root, following links confined to the root. */
    static Optional<Path> resolve(Path root, String relativePath) {
        Deque<String> pending = new ArrayDeque<>();
        pushComponents(pending, relativePath);
        Deque<String> resolved = new ArrayDeque<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            resolved.addLast(part);
            Path candidate = toHost(root, resolved);
            if (Files.isSymbolicLink(candidate)) {
                if (++hops > MAX_LINK_HOPS) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    return Optional.empty();
                }
                resolved.removeLast();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                pushComponents(pending, target);
            } else if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
        }
        return Optional.of(toHost(root, resolved));
    }

    /** The relative form of a resolved host path. */
    static String relative(Path root, Path host) {
        return root.relativize(host).toString().replace('\\', '/');
    }

    private static void pushComponents(Deque<String> pending, String path) {
        String[] parts = path.split("/");
        for (int index = parts.length - 1; index >= 0; index--) {
            pending.push(parts[index]);
        }
    }

    private static Path toHost(Path root, Deque<String> parts) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }
}
