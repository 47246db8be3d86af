package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A hostPath volume (or PersistentVolume) that reaches a container runtime's socket: whoever talks to it
 * starts privileged containers on the node, so it is root on the node. A directory that holds a socket
 * ({@code /var/run}, {@code /run/containerd}, {@code /}) reaches it too. Paths are compared after lexical
 * normalisation ({@code //}, {@code .}, {@code ..}), and any file named like a runtime socket counts wherever
 * it lives (rootless Docker keeps {@code docker.sock} under {@code /run/user/UID}).
 */
final class RuntimeSocketMountCheck extends SimpleCheck {
    /**
     * Sockets of the runtimes Kubernetes nodes run. {@code /var/run} is a link to {@code /run} on current
     * distributions but a directory on older ones; both spellings are listed, and a link inside a mounted
     * directory resolves in the container, so only the spelled-out path matters.
     */
    private static final Map<String, String> SOCKETS = sockets();

    private static final Map<String, String> SOCKET_FILE_NAMES = Map.of(
            "docker.sock", "Docker",
            "containerd.sock", "containerd",
            "crio.sock", "CRI-O",
            "cri-dockerd.sock", "cri-dockerd",
            "dockershim.sock", "dockershim",
            "podman.sock", "Podman");

    RuntimeSocketMountCheck() {
        super(
                "runtime-socket-hostpath",
                Severity.CRITICAL,
                "Container runtime socket mounted from the host",
                "Remove the hostPath volume; build images with a daemonless builder and read container state"
                        + " through the Kubernetes API.");
    }

    private static Map<String, String> sockets() {
        Map<String, String> sockets = new LinkedHashMap<>();
        for (String run : List.of("/var/run", "/run")) {
            sockets.put(run + "/docker.sock", "Docker");
            sockets.put(run + "/containerd/containerd.sock", "containerd");
            sockets.put(run + "/k3s/containerd/containerd.sock", "containerd (k3s)");
            sockets.put(run + "/crio/crio.sock", "CRI-O");
            sockets.put(run + "/cri-dockerd.sock", "cri-dockerd");
            sockets.put(run + "/dockershim.sock", "dockershim");
            sockets.put(run + "/podman/podman.sock", "Podman");
        }
        return Map.copyOf(sockets);
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return PodSpecs.hasPodSpec(object) || object.is("", "PersistentVolume");
    }

    @Override
    public List<Violation> check(KubeObject object) {
        List<Violation> violations = new ArrayList<>();
        if (object.is("", "PersistentVolume")) {
            String path = Fields.string(object.fields(), "spec", "hostPath", "path");
            reaches(path).ifPresent(what -> violations.add(violation("spec.hostPath.path " + path + " " + what)));
            return List.copyOf(violations);
        }
        PodSpecs.of(object).ifPresent(pod -> {
            List<?> volumes = Fields.list(pod.spec(), "volumes");
            for (int index = 0; index < volumes.size(); index++) {
                String path = Fields.string(volumes.get(index), "hostPath", "path");
                String name = Objects.requireNonNullElse(Fields.string(volumes.get(index), "name"), "");
                String field = pod.path() + ".volumes[" + index + "] (" + Fields.quote(name) + ") hostPath.path ";
                reaches(path).ifPresent(what -> violations.add(violation(field + path + " " + what)));
            }
        });
        return List.copyOf(violations);
    }

    /** What the path exposes, as the end of a sentence; empty when it reaches no known socket. */
    static Optional<String> reaches(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        String normalized = normalize(path);
        String exact = SOCKETS.get(normalized);
        if (exact != null) {
            return Optional.of("is the " + exact + " socket: full control of the node's containers");
        }
        String fileName = normalized.substring(normalized.lastIndexOf('/') + 1);
        String byName = SOCKET_FILE_NAMES.get(fileName);
        if (byName != null) {
            return Optional.of("is a " + byName + " socket: full control of the containers it runs");
        }
        List<String> inside = SOCKETS.keySet().stream()
                .filter(socket -> normalized.equals("/") || socket.startsWith(normalized + "/"))
                .sorted()
                .toList();
        if (!inside.isEmpty()) {
            return Optional.of("holds container runtime sockets (" + String.join(", ", inside)
                    + "): full control of the node's containers");
        }
        return Optional.empty();
    }

    /** Lexical POSIX normalisation: the kubelet resolves nothing else before it mounts the path. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.strip().split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
