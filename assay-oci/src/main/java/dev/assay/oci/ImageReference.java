package dev.assay.oci;

import dev.assay.model.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registry image reference, {@code [host[:port]/]repository[:tag][@digest]}, following the grammar of
 * the distribution project's reference package: the first path component is a registry host only if it
 * contains a dot or a colon or is {@code localhost}; otherwise the image is on Docker Hub, where
 * single-component names live under {@code library/}.
 *
 * @param registry the registry as users write it ({@code docker.io}, {@code ghcr.io}, {@code 127.0.0.1:5000})
 * @param repository the repository path inside the registry ({@code library/alpine})
 * @param tag the tag, or null when the reference names only a digest
 * @param digest the manifest digest, or null
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]{1,5})?");
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final int MAX_NAME_LENGTH = 255;

    public ImageReference {
        if (tag == null && digest == null) {
            tag = "latest";
        }
    }

    /** Parses a reference; throws {@link InvalidInputException} when it is not one. */
    public static ImageReference parse(String reference) {
        return tryParse(reference)
                .orElseThrow(() -> new InvalidInputException(
                        "not a valid image reference: " + reference,
                        reference,
                        "write host[:port]/repository[:tag][@sha256:digest], e.g. docker.io/library/alpine:3.20",
                        null));
    }

    public static Optional<ImageReference> tryParse(String reference) {
        if (reference == null || reference.isEmpty() || reference.length() > 1024) {
            return Optional.empty();
        }
        String remainder = reference;
        Digest digest = null;
        int at = remainder.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(remainder.substring(at + 1));
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
            remainder = remainder.substring(0, at);
        }
        String tag = null;
        int lastSlash = remainder.lastIndexOf('/');
        int lastColon = remainder.lastIndexOf(':');
        if (lastColon > lastSlash) {
            tag = remainder.substring(lastColon + 1);
            remainder = remainder.substring(0, lastColon);
            if (!TAG.matcher(tag).matches()) {
                return Optional.empty();
            }
        }
        String registry = DOCKER_HUB;
        String path = remainder;
        int firstSlash = remainder.indexOf('/');
        if (firstSlash > 0) {
            String first = remainder.substring(0, firstSlash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                path = remainder.substring(firstSlash + 1);
                if (!DOMAIN.matcher(registry).matches()) {
                    return Optional.empty();
                }
            }
        }
        if (path.length() > MAX_NAME_LENGTH || !PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        return Optional.of(new ImageReference(registry, path, tag, digest));
    }

    /** The host (and port) the registry API is served from. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API_HOST : registry;
    }

    /** {@code registry/repository}, the purl's {@code repository_url}. */
    public String repositoryUrl() {
        return registry + "/" + repository;
    }

    /** The last path component of the repository: the purl's name. */
    public String name() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** The tag or the digest, whichever identifies the manifest to fetch; a digest wins. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    public ImageReference withDigest(Digest manifestDigest) {
        return new ImageReference(registry, repository, tag, manifestDigest);
    }

    @Override
    public String toString() {
        StringBuilder builder = new StringBuilder(repositoryUrl());
        if (tag != null) {
            builder.append(':').append(tag);
        }
        if (digest != null) {
            builder.append('@').append(digest);
        }
        return builder.toString();
    }
}
