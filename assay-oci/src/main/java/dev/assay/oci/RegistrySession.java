package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repository's conversation with a registry: its base URI, credentials and current authorization, and
 * the one place that sends requests (following redirects and authentication challenges, retrying what is
 * safe to retry). Pulls and pushes share it so that both get the same credential rules: credentials and
 * tokens are never logged, never sent over plain HTTP unless the user marked the registry insecure, and
 * never sent along a redirect (or an upload location) on another host.
 */
final class RegistrySession implements ManifestSelector.Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrySession.class);
    private static final int MAX_REDIRECTS = 5;
    private static final long MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
    private static final long MAX_ERROR_BODY_BYTES = 4096;
    private static final long MAX_DISCARDED_BYTES = 64 * 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private final RegistryClientOptions options;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;
    private final ImageReference reference;
    private final boolean push;
    private final URI base;
    private final RegistryCredentials credentials;
    // Written by whichever request answered a challenge; verification reads two routes concurrently.
    private volatile String authorization;

    /** @param push whether this session writes: bearer tokens are then asked for with pull and push scope */
    RegistrySession(
            RegistryClientOptions options,
            HttpClient http,
            ScheduledExecutorService watchdog,
            ImageReference reference,
            boolean push) {
        this.options = options;
        this.http = http;
        this.watchdog = watchdog;
        this.reference = reference;
        this.push = push;
        this.base = URI.create((options.insecure() ? "http://" : "https://") + reference.apiHost());
        this.credentials = options.credentials() != null
                ? options.credentials()
                : DockerConfigCredentials.lookup(options.dockerConfig(), reference.registry())
                        .orElse(null);
    }

    ImageReference reference() {
        return reference;
    }

    RegistryClientOptions options() {
        return options;
    }

    /** A manifest as served: its bytes, the Content-Type the registry gave and its digest. */
    record Fetched(byte[] content, String mediaType, Digest digest) {}

    /**
     * One request. Statuses in {@code passThrough} are returned to the caller instead of being turned into
     * errors (a 404 for "no such tag" is an answer, not a failure, when looking for signatures).
     */
    record Call(
            String method,
            URI uri,
            String what,
            String accept,
            String contentType,
            byte[] body,
            Set<Integer> passThrough) {
        static Call get(URI uri, String what, String accept) {
            return new Call("GET", uri, what, accept, null, null, Set.of());
        }

        Call passing(Integer... statuses) {
            return new Call(method, uri, what, accept, contentType, body, Set.of(statuses));
        }
    }

    URI resolve(String path) {
        return base.resolve(path);
    }

    String repositoryPath() {
        return "/v2/" + reference.repository();
    }

    Fetched fetchManifest(String manifestReference, Digest expected) {
        return findManifest(manifestReference, expected, false).orElseThrow();
    }

    /**
     * The manifest a tag or digest names, or empty when the registry answers 404 and {@code absentIsEmpty};
     * a digest given as {@code expected} is checked against the content.
     */
    Optional<Fetched> findManifest(String manifestReference, Digest expected, boolean absentIsEmpty) {
        String what = "manifest " + manifestReference + " of " + reference.repositoryUrl();
        String path = repositoryPath() + "/manifests/" + manifestReference;
        String[] mediaType = new String[1];
        Call call = Call.get(resolve(path), what, MediaTypes.MANIFEST_ACCEPT);
        Optional<byte[]> content = fetchWithRetries(
                absentIsEmpty ? call.passing(404) : call,
                response -> {
                    try (InputStream input = response) {
                        return BoundedInput.readAll(input, ManifestDocument.MAX_BYTES, what);
                    }
                },
                headers -> mediaType[0] = headers.firstValue("Content-Type")
                        .map(value -> value.split(";")[0].strip())
                        .orElse(null));
        if (content.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = content.get();
        if (expected != null && !expected.matches(bytes)) {
            throw new InvalidInputException(
                    what + " does not match its digest " + expected,
                    reference.toString(),
                    "the registry served different content than was asked for",
                    null);
        }
        Digest digest = expected != null ? expected : Digest.sha256(bytes);
        return Optional.of(new Fetched(bytes, mediaType[0] == null ? "" : mediaType[0], digest));
    }

    /** A blob read into memory, refused before reading when it declares more than {@code maxBytes}. */
    byte[] readBlob(Descriptor descriptor, long maxBytes, String what) {
        if (descriptor.size() > maxBytes) {
            throw new InputTooLargeException(
                    what + " declares " + descriptor.size() + " bytes, more than the limit of " + maxBytes,
                    reference.toString());
        }
        return fetchWithRetries(
                        Call.get(resolve(blobPath(descriptor.digest())), what, null),
                        response -> {
                            try (InputStream input =
                                    new VerifiedInputStream(response, descriptor.digest(), descriptor.size(), what)) {
                                return input.readAllBytes();
                            }
                        },
                        headers -> {})
                .orElseThrow();
    }

    @Override
    public ManifestDocument manifest(Descriptor descriptor) {
        Fetched fetched = fetchManifest(descriptor.digest().toString(), descriptor.digest());
        return ManifestDocument.parse(fetched.content(), reference + " manifest " + descriptor.digest());
    }

    @Override
    public ImageConfig config(Descriptor descriptor) {
        String what = "config " + descriptor.digest() + " of " + reference;
        return ImageConfig.parse(readBlob(descriptor, ImageConfig.MAX_BYTES, what), what);
    }

    Path download(Descriptor descriptor, Path directory, String name, ImageProgress progress) {
        if (descriptor.size() > options.maxBlobBytes()) {
            throw new InputTooLargeException(
                    reference + ": " + name + " declares " + descriptor.size() + " bytes, more than the limit of "
                            + options.maxBlobBytes(),
                    reference.toString());
        }
        progress.phase("pulling " + name, descriptor.size());
        String what = name + " of " + reference;
        return fetchWithRetries(
                        Call.get(resolve(blobPath(descriptor.digest())), what, null),
                        response -> {
                            Path target = Files.createTempFile(directory, "blob-", ".tmp");
                            boolean complete = false;
                            try (InputStream input = new VerifiedInputStream(
                                            response, descriptor.digest(), descriptor.size(), what);
                                    OutputStream output = Files.newOutputStream(target)) {
                                byte[] buffer = new byte[64 * 1024];
                                long done = 0;
                                long reported = 0;
                                int read;
                                while ((read = input.read(buffer)) != -1) {
                                    output.write(buffer, 0, read);
                                    done += read;
                                    if (done - reported >= (1 << 20)) {
                                        reported = done;
                                        progress.advance(done);
                                    }
                                }
                                progress.advance(done);
                                complete = true;
                                return target;
                            } finally {
                                if (!complete) {
                                    Files.deleteIfExists(target);
                                }
                            }
                        },
                        headers -> {})
                .orElseThrow();
    }

    String blobPath(Digest digest) {
        return repositoryPath() + "/blobs/" + digest;
    }

    /**
     * GETs and reads a body, retrying the whole exchange when the connection breaks mid-body; empty when the
     * registry answered with one of the call's pass-through statuses.
     */
    <T> Optional<T> fetchWithRetries(Call call, BodyReader<T> reader, Consumer<HttpHeaders> headers) {
        IOException last = null;
        for (int attempt = 0; attempt <= options.maxRetries(); attempt++) {
            if (attempt > 0) {
                sleep(backoff(attempt - 1));
            }
            HttpResponse<InputStream> response = send(call);
            if (call.passThrough().contains(response.statusCode())) {
                discard(response.body());
                return Optional.empty();
            }
            headers.accept(response.headers());
            IdleTimeoutInputStream body = new IdleTimeoutInputStream(response.body(), options.readTimeout(), watchdog);
            try {
                return Optional.of(reader.read(body));
            } catch (IOException e) {
                last = e;
                LOG.debug("reading {} failed (attempt {}): {}", call.what(), attempt + 1, e.getMessage());
            } finally {
                closeQuietly(body);
            }
        }
        throw new NoVerdictException(
                "cannot read " + call.what() + " from " + reference.registry() + ": " + message(last),
                reference.toString(),
                "check the network and the registry, then try again",
                last);
    }

    /** Sends a request whose response body is of no interest, and returns its status and headers. */
    HttpResponse<InputStream> exchange(Call call) {
        HttpResponse<InputStream> response = send(call);
        discard(response.body());
        return response;
    }

    /**
     * Sends a request, following redirects and authentication challenges; returns a 2xx response or one
     * with a pass-through status, and throws a typed error for anything else.
     */
    HttpResponse<InputStream> send(Call call) {
        URI uri = call.uri();
        requireAllowedScheme(uri, call.what());
        boolean sameOrigin = sameOrigin(base, uri);
        boolean authenticated = false;
        int redirects = 0;
        int attempt = 0;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.readTimeout());
            request.method(
                    call.method(),
                    call.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
            if (call.accept() != null) {
                request.header("Accept", call.accept());
            }
            if (call.contentType() != null) {
                request.header("Content-Type", call.contentType());
            }
            if (sameOrigin && authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (attempt < options.maxRetries()) {
                    LOG.debug("request for {} failed (attempt {}): {}", call.what(), attempt + 1, e.toString());
                    sleep(backoff(attempt++));
                    continue;
                }
                throw unreachable(uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoVerdictException(
                        "interrupted while talking to " + reference.registry(), reference.toString(), "", e);
            }
            int status = response.statusCode();
            if ((status >= 200 && status < 300) || call.passThrough().contains(status)) {
                return response;
            }
            boolean bodyless = call.method().equals("GET") || call.method().equals("HEAD");
            switch (status) {
                case 301, 302, 303, 307, 308 -> {
                    closeQuietly(response.body());
                    if (!bodyless && status != 307 && status != 308) {
                        throw new InvalidInputException(
                                "registry " + reference.registry() + " redirected a " + call.method() + " of "
                                        + call.what() + " with " + status,
                                reference.toString());
                    }
                    URI next = redirect(uri, response, ++redirects, call.what());
                    // Authorization belongs to the registry; a CDN holding the blob gets a signed URL instead.
                    sameOrigin = sameOrigin && sameOrigin(uri, next);
                    uri = next;
                }
                case 401 -> {
                    closeQuietly(response.body());
                    if (authenticated || !sameOrigin) {
                        throw accessDenied(status, call.what());
                    }
                    authenticated = true;
                    authenticate(response);
                }
                case 403 -> {
                    closeQuietly(response.body());
                    throw accessDenied(status, call.what());
                }
                case 404 -> {
                    String detail = errorDetail(response);
                    throw new InvalidInputException(
                            (bodyless
                                            ? "image not found: " + reference + " (" + call.what() + " does not exist"
                                            : "registry " + reference.registry() + " answered 404 for " + call.what()
                                                    + " (the repository or upload does not exist")
                                    + detail + ")",
                            reference.toString(),
                            "check the repository name and the tag or digest",
                            null);
                }
                case 429, 500, 502, 503, 504 -> {
                    closeQuietly(response.body());
                    if (attempt >= options.maxRetries()) {
                        throw new NoVerdictException(
                                "registry " + reference.registry() + " answered " + status + " for " + call.what()
                                        + " after " + (attempt + 1) + " attempts",
                                reference.toString(),
                                status == 429 ? "the registry is rate limiting; try again later" : "try again later",
                                null);
                    }
                    sleep(retryAfter(response).orElse(backoff(attempt)));
                    attempt++;
                }
                default ->
                    throw new InvalidInputException(
                            "registry " + reference.registry() + " answered " + status + " for " + call.what()
                                    + errorDetail(response),
                            reference.toString());
            }
        }
    }

    /** The registry's own error codes and messages (distribution spec error body), briefly, for the user. */
    private String errorDetail(HttpResponse<InputStream> response) {
        try (InputStream body = new IdleTimeoutInputStream(response.body(), options.readTimeout(), watchdog)) {
            byte[] bytes = body.readNBytes((int) MAX_ERROR_BODY_BYTES);
            JsonNode errors = SafeJson.read(bytes, "registry error").path("errors");
            StringBuilder detail = new StringBuilder();
            for (JsonNode error : errors) {
                detail.append(detail.isEmpty() ? ": " : "; ")
                        .append(printable(error.path("code").asText("")))
                        .append(' ')
                        .append(printable(error.path("message").asText("")));
                if (detail.length() > 300) {
                    break;
                }
            }
            return detail.toString().stripTrailing();
        } catch (IOException | RuntimeException e) {
            return ""; // an error body that is not the spec's JSON adds nothing the status did not say
        }
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("[\\p{Cntrl}]", " ");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "..." : cleaned;
    }

    private URI redirect(URI from, HttpResponse<?> response, int redirects, String what) {
        if (redirects > MAX_REDIRECTS) {
            throw new InvalidInputException("too many redirects for " + what, reference.toString());
        }
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new InvalidInputException(
                        "registry redirected " + what + " without a Location", reference.toString()));
        URI next = resolveLocation(from, location, what);
        requireAllowedScheme(next, what);
        return next;
    }

    /** A Location header (absolute or relative to the request), refused when it is not a URI. */
    URI resolveLocation(URI from, String location, String what) {
        try {
            return from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "registry " + reference.registry() + " sent an unusable Location for " + what, location, e);
        }
    }

    void requireAllowedScheme(URI uri, String what) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && options.insecure())) {
            return;
        }
        throw new InvalidInputException(
                "refusing to send " + what + " over " + (scheme.isEmpty() ? "an unknown scheme" : scheme) + ": "
                        + uri.getHost(),
                reference.toString(),
                "plain HTTP is allowed only for registries marked insecure",
                null);
    }

    /** Answers a 401: basic credentials, or a bearer token from the realm the registry names. */
    private void authenticate(HttpResponse<?> response) {
        List<AuthenticationChallenge> challenges = response.headers().allValues("WWW-Authenticate").stream()
                .map(AuthenticationChallenge::parse)
                .flatMap(Optional::stream)
                .toList();
        Optional<AuthenticationChallenge> bearer = challenges.stream()
                .filter(challenge -> challenge.scheme().equals("bearer"))
                .findFirst();
        if (bearer.isPresent()) {
            authorization = "Bearer " + token(bearer.get());
            return;
        }
        if (challenges.stream().anyMatch(challenge -> challenge.scheme().equals("basic"))) {
            if (credentials == null) {
                throw accessDenied(401, "registry " + reference.registry());
            }
            authorization = credentials.basicAuthorization();
            return;
        }
        throw new InvalidInputException(
                "registry " + reference.registry() + " asks for an unsupported authentication scheme",
                reference.toString());
    }

    /**
     * The scope a token is asked for. A pushing session always asks for pull and push on its repository, so
     * that one token serves the reads and writes of a signing run (the registry's challenge to the first GET
     * names only pull).
     */
    private String scope(AuthenticationChallenge challenge) {
        String own = "repository:" + reference.repository() + ":" + (push ? "pull,push" : "pull");
        return push ? own : challenge.parameter("scope").orElse(own);
    }

    private String token(AuthenticationChallenge challenge) {
        String realm = challenge
                .parameter("realm")
                .orElseThrow(() -> new InvalidInputException(
                        "registry " + reference.registry() + " sent a bearer challenge without a realm",
                        reference.toString()));
        StringBuilder query = new StringBuilder();
        challenge.parameter("service").ifPresent(service -> appendQuery(query, "service", service));
        appendQuery(query, "scope", scope(challenge));
        URI uri;
        try {
            uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "registry " + reference.registry() + " named an unusable token realm", realm, e);
        }
        requireAllowedScheme(uri, "a registry token request");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(options.readTimeout()).GET();
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<InputStream> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                try (InputStream body = new IdleTimeoutInputStream(response.body(), options.readTimeout(), watchdog)) {
                    if (status == 401 || status == 403) {
                        throw accessDenied(status, "the token service " + uri.getHost());
                    }
                    if ((status == 429 || status >= 500) && attempt < options.maxRetries()) {
                        sleep(backoff(attempt));
                        continue;
                    }
                    if (status != 200) {
                        throw new NoVerdictException(
                                "token service " + uri.getHost() + " answered " + status,
                                reference.toString(),
                                "try again later",
                                null);
                    }
                    JsonNode json = SafeJson.read(
                            BoundedInput.readAll(body, MAX_TOKEN_RESPONSE_BYTES, "token response"),
                            "token response from " + uri.getHost());
                    String token = json.path("token").asText("");
                    if (token.isEmpty()) {
                        token = json.path("access_token").asText("");
                    }
                    if (token.isEmpty()) {
                        throw new InvalidInputException(
                                "token service " + uri.getHost() + " returned no token", reference.toString());
                    }
                    return token;
                }
            } catch (IOException e) {
                if (attempt < options.maxRetries()) {
                    sleep(backoff(attempt));
                    continue;
                }
                throw unreachable(uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoVerdictException("interrupted while authenticating", reference.toString(), "", e);
            }
        }
    }

    private InvalidInputException accessDenied(int status, String what) {
        String who = credentials == null ? "anonymously" : "as " + credentials.username();
        String action = push ? "push to" : "pull";
        return new InvalidInputException(
                "access denied (" + status + ") to " + reference + " " + who + (push ? " for " : " when fetching ")
                        + what,
                reference.toString(),
                credentials == null
                        ? "the image may be private or may not exist: give --username/--password or run docker login"
                        : "check the credentials and that this user may " + action + " " + reference.repository(),
                null);
    }

    private NoVerdictException unreachable(URI uri, IOException cause) {
        return new NoVerdictException(
                "registry " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " is unreachable: "
                        + message(cause),
                reference.toString(),
                options.insecure()
                        ? "check the address and that the registry is running"
                        : "check the address and the network; a registry serving plain HTTP must be marked insecure",
                cause);
    }

    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    static boolean sameOrigin(URI first, URI second) {
        return String.valueOf(first.getScheme()).equalsIgnoreCase(String.valueOf(second.getScheme()))
                && String.valueOf(first.getHost()).equalsIgnoreCase(String.valueOf(second.getHost()))
                && effectivePort(first) == effectivePort(second);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Duration backoff(int attempt) {
        return options.initialBackoff().multipliedBy(1L << Math.min(attempt, 10));
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                Duration requested = Duration.ofSeconds(Long.parseLong(value.strip()));
                return Optional.of(requested.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : requested);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoVerdictException("interrupted while waiting to retry", null, "", e);
        }
    }

    static String message(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Reads a small body to its end before closing it: the HTTP client returns a connection to its pool
     * only when the body was consumed, and a new connection per request would double the round trips.
     */
    private void discard(InputStream stream) {
        try (InputStream body = new IdleTimeoutInputStream(stream, options.readTimeout(), watchdog)) {
            byte[] sink = new byte[8192];
            long total = 0;
            for (int read = body.read(sink); read >= 0 && total < MAX_DISCARDED_BYTES; read = body.read(sink)) {
                total += read;
            }
        } catch (IOException e) {
            // the connection is dropped instead of reused; nothing else depends on it
        }
    }

    static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
