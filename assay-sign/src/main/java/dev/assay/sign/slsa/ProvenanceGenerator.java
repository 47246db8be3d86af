package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a provenance predicate from the CI environment and the explicit values of a request, the explicit
 * values winning. Builder id and build type are required (from either); everything else is optional and is
 * left out when unknown rather than guessed.
 */
public final class ProvenanceGenerator {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Map<String, Integer> DIGEST_HEX_LENGTH =
            Map.of("gitCommit", 40, "sha1", 40, "sha256", 64, "sha512", 128);

    private ProvenanceGenerator() {}

    /**
     * @param environment the process environment (names to values)
     * @throws InvalidInputException when the builder id or build type is unknown, a value is not of its form
     *     (URI, digest), or the build finishes before it starts
     */
    public static ProvenancePredicate generate(Map<String, String> environment, ProvenanceRequest request) {
        BuildEnvironment ci = BuildEnvironment.detect(environment);
        String builderId = Optional.ofNullable(request.builderId())
                .or(ci::builderId)
                .orElseThrow(() -> missing("builder id", "--builder-id", ci));
        String buildType = Optional.ofNullable(request.buildType())
                .or(ci::buildType)
                .orElseThrow(() -> missing("build type", "--build-type", ci));
        requireUri(builderId, "builder id");
        requireUri(buildType, "build type");
        Optional<SourceRevision> source = source(ci.source(), request);
        ObjectNode external = ci.externalParameters(source, request.parameters());
        String invocationId =
                Optional.ofNullable(request.invocationId()).or(ci::invocationId).orElse(null);
        if (request.startedOn() != null
                && request.finishedOn() != null
                && request.finishedOn().isBefore(request.startedOn())) {
            throw new InvalidInputException(
                    "the build cannot finish (" + request.finishedOn() + ") before it starts (" + request.startedOn()
                            + ")",
                    null);
        }
        return new ProvenancePredicate(
                buildType,
                external,
                ci.internalParameters(),
                source.map(s -> List.of(s.asDependency())).orElse(List.of()),
                builderId,
                invocationId,
                request.startedOn(),
                request.finishedOn());
    }

    /**
     * The environment's source with the request's values over it. A repository given explicitly that differs
     * from the environment's drops the environment's ref and commit: they belong to the other repository.
     */
    static Optional<SourceRevision> source(Optional<SourceRevision> fromEnvironment, ProvenanceRequest request) {
        Optional<SourceRevision> base = fromEnvironment.filter(
                s -> request.sourceUri() == null || request.sourceUri().equals(s.repository()));
        if (request.sourceUri() == null && base.isEmpty()) {
            if (request.sourceRef() != null || request.sourceDigest() != null) {
                throw new InvalidInputException(
                        "a source ref or digest needs the source repository (--source-uri) outside CI", null);
            }
            return Optional.empty();
        }
        String repository =
                request.sourceUri() != null ? request.sourceUri() : base.get().repository();
        requireUri(repository, "source repository");
        String ref = request.sourceRef() != null
                ? request.sourceRef()
                : base.map(SourceRevision::ref).orElse(null);
        Map<String, String> digest = request.sourceDigest() != null
                ? digest(request.sourceDigest())
                : base.map(SourceRevision::digest).orElse(Map.of());
        return Optional.of(new SourceRevision(repository, ref, digest));
    }

    /** {@code sha1:HEX} and {@code gitCommit:HEX} name a git commit, written as in-toto's {@code gitCommit}. */
    static Map<String, String> digest(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new InvalidInputException(
                    "source digest '" + value + "' is not ALGORITHM:HEX (e.g. sha1:<commit id>)", value);
        }
        String algorithm = value.substring(0, colon);
        String hex = value.substring(colon + 1).toLowerCase(Locale.ROOT);
        Integer length = DIGEST_HEX_LENGTH.get(algorithm);
        if (length == null) {
            throw new InvalidInputException(
                    "source digest algorithm '" + algorithm + "' is not one of sha1, gitCommit, sha256, sha512", value);
        }
        if (hex.length() != length || !HEX.matcher(hex).matches()) {
            throw new InvalidInputException(
                    "source digest '" + value + "' must have " + length + " hex digits after '" + algorithm + ":'",
                    value);
        }
        return Map.of(algorithm.equals("sha1") ? "gitCommit" : algorithm, hex);
    }

    private static void requireUri(String value, String what) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                throw new InvalidInputException(what + " '" + value + "' is not an absolute URI", value);
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(what + " '" + value + "' is not a URI: " + e.getReason(), value, e);
        }
    }

    private static InvalidInputException missing(String what, String flag, BuildEnvironment ci) {
        String where = ci instanceof NoCiEnvironment
                ? "not running in GitHub Actions or GitLab CI"
                : "the " + ci.name() + " environment does not say";
        return new InvalidInputException("no " + what + ": " + where + "; give it with " + flag, null);
    }
}
