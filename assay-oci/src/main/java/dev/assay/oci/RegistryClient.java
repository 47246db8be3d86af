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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pull-only client for the OCI distribution API on java.net.http: resolves a reference to the
 * manifest for one platform, fetches its config and streams layer blobs to disk, verifying every digest.
 *
 * <p>Authentication follows the registry's challenge: anonymous first, then HTTP Basic or the bearer
 * token flow (the token endpoint named by {@code WWW-Authenticate}, given the basic credentials when there
 * are any). Credentials and tokens are never logged, and are never sent over plain HTTP unless the user
 * made the registry insecure, nor along a redirect to another host (blob downloads are commonly
 * redirected to a CDN). Connection failures, 5xx and 429 answers are retried with exponential backoff;
 * when the registry stays unreachable the result is a {@link NoVerdictException}, never an empty SBOM.
 */
public final class RegistryClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryClient.class);
    private static final int MAX_REDIRECTS = 5;
    private static final long MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private final RegistryClientOptions options;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;

    public RegistryClient(RegistryClientOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "assay-registry-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Resolves a reference to one image and returns it with its config read; layers are downloaded into
     * {@code tempDirectory} as they are opened.
     *
     * @param platform the platform to select from an index, or null for linux/amd64 (or the only image)
     */
    public ContainerImage pull(
            ImageReference reference, Platform platform, Path tempDirectory, ImageProgress progress) {
        Session session = new Session(reference);
        progress.phase("resolving " + reference, -1);
        Fetched top = session.fetchManifest(reference.manifestReference(), reference.digest());
        ManifestDocument document = ManifestDocument.parse(top.content(), reference + " manifest");
        Descriptor topDescriptor =
                new Descriptor(top.mediaType(), top.digest(), top.content().length, null, java.util.Map.of());
        ManifestSelector selector = new ManifestSelector(session, platform, reference.toString());
        ManifestSelector.Selection selection = switch (document) {
            case ManifestDocument.Index index -> selector.select(index.manifests());
            case ManifestDocument.Manifest manifest -> {
                ImageConfig config = session.config(manifest.config());
                if (platform != null && !platform.accepts(config.platform())) {
                    throw new InvalidInputException(
                            reference + " is an image for " + config.platform() + ", not " + platform,
                            reference.toString());
                }
                yield new ManifestSelector.Selection(topDescriptor, topDescriptor, manifest, config);
            }
        };
        Digest manifestDigest = selection.descriptor().digest();
        ImageReference resolved = reference.withDigest(manifestDigest);
        BlobAccess blobs = (descriptor, name, layerProgress) -> {
            Path blob = session.download(descriptor, tempDirectory, name, layerProgress);
            return new DeletingInputStream(blob);
        };
        String tag = reference.tag() != null ? reference.repositoryUrl() + ":" + reference.tag() : null;
        return new ContainerImage(
                reference.toString(),
                Optional.of(resolved),
                Optional.of(manifestDigest),
                selection.manifest().config().digest(),
                selection.config(),
                ContainerImage.layers(selection.manifest(), selection.config(), reference.toString()),
                tag == null ? List.of() : List.of(tag),
                blobs,
                () -> {});
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }

    private record Fetched(byte[] content, String mediaType, Digest digest) {}

    /** One repository's conversation with a registry: its base URI, credentials and current authorization. */
    private final class Session implements ManifestSelector.Fetcher {
        private final ImageReference reference;
        private final URI base;
        private final RegistryCredentials credentials;
        private String authorization;

        Session(ImageReference reference) {
            this.reference = reference;
            this.base = URI.create((options.insecure() ? "http://" : "https://") + reference.apiHost());
            this.credentials = options.credentials() != null
                    ? options.credentials()
                    : DockerConfigCredentials.lookup(options.dockerConfig(), reference.registry())
                            .orElse(null);
        }

        @Override
        public ManifestDocument manifest(Descriptor descriptor) {
            Fetched fetched = fetchManifest(descriptor.digest().toString(), descriptor.digest());
            return ManifestDocument.parse(fetched.content(), reference + " manifest " + descriptor.digest());
        }

        @Override
        public ImageConfig config(Descriptor descriptor) {
            if (descriptor.size() > ImageConfig.MAX_BYTES) {
                throw new InputTooLargeException(
                        reference + ": config of " + descriptor.size() + " bytes", reference.toString());
            }
            String what = "config " + descriptor.digest() + " of " + reference;
            byte[] content = fetchWithRetries(blobPath(descriptor.digest()), null, what, response -> {
                try (InputStream input =
                        new VerifiedInputStream(response, descriptor.digest(), descriptor.size(), what)) {
                    return input.readAllBytes();
                }
            });
            return ImageConfig.parse(content, what);
        }

        Fetched fetchManifest(String manifestReference, Digest expected) {
            String what = "manifest " + manifestReference + " of " + reference;
            String path = "/v2/" + reference.repository() + "/manifests/" + manifestReference;
            String[] mediaType = new String[1];
            byte[] content = fetchWithRetries(
                    path,
                    MediaTypes.MANIFEST_ACCEPT,
                    what,
                    response -> {
                        try (InputStream input = response) {
                            return BoundedInput.readAll(input, ManifestDocument.MAX_BYTES, what);
                        }
                    },
                    contentType -> mediaType[0] = contentType);
            Digest digest = expected != null ? expected : Digest.sha256(content);
            if (expected != null && !expected.matches(content)) {
                throw new InvalidInputException(
                        what + " does not match its digest " + expected,
                        reference.toString(),
                        "the registry served different content than was asked for",
                        null);
            }
            return new Fetched(content, mediaType[0] == null ? "" : mediaType[0], digest);
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
            return fetchWithRetries(blobPath(descriptor.digest()), null, what, response -> {
                Path target = Files.createTempFile(directory, "blob-", ".tmp");
                boolean complete = false;
                try (InputStream input =
                                new VerifiedInputStream(response, descriptor.digest(), descriptor.size(), what);
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
            });
        }

        private String blobPath(Digest digest) {
            return "/v2/" + reference.repository() + "/blobs/" + digest;
        }

        private <T> T fetchWithRetries(String path, String accept, String what, BodyReader<T> reader) {
            return fetchWithRetries(path, accept, what, reader, contentType -> {});
        }

        /** GETs a path and reads its body, retrying the whole exchange when the connection breaks mid-body. */
        private <T> T fetchWithRetries(
                String path,
                String accept,
                String what,
                BodyReader<T> reader,
                java.util.function.Consumer<String> contentType) {
            IOException last = null;
            for (int attempt = 0; attempt <= options.maxRetries(); attempt++) {
                if (attempt > 0) {
                    sleep(backoff(attempt - 1));
                }
                HttpResponse<InputStream> response = open(base.resolve(path), accept, what);
                contentType.accept(response.headers()
                        .firstValue("Content-Type")
                        .map(value -> value.split(";")[0].strip())
                        .orElse(null));
                IdleTimeoutInputStream body =
                        new IdleTimeoutInputStream(response.body(), options.readTimeout(), watchdog);
                try {
                    return reader.read(body);
                } catch (IOException e) {
                    last = e;
                    LOG.debug("reading {} failed (attempt {}): {}", what, attempt + 1, e.getMessage());
                } finally {
                    closeQuietly(body);
                }
            }
            throw new NoVerdictException(
                    "cannot read " + what + " from " + reference.registry() + ": " + message(last),
                    reference.toString(),
                    "check the network and the registry, then try again",
                    last);
        }

        /** Sends a GET, following redirects and authentication challenges; returns only a 2xx response. */
        private HttpResponse<InputStream> open(URI start, String accept, String what) {
            URI uri = start;
            boolean sameOrigin = true;
            boolean authenticated = false;
            int redirects = 0;
            int attempt = 0;
            while (true) {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .timeout(options.readTimeout())
                        .GET();
                if (accept != null) {
                    request.header("Accept", accept);
                }
                if (sameOrigin && authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<InputStream> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) {
                    if (attempt < options.maxRetries()) {
                        LOG.debug("request for {} failed (attempt {}): {}", what, attempt + 1, e.toString());
                        sleep(backoff(attempt++));
                        continue;
                    }
                    throw unreachable(uri, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NoVerdictException("interrupted while pulling " + reference, reference.toString(), "", e);
                }
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response;
                }
                closeQuietly(response.body());
                switch (status) {
                    case 301, 302, 303, 307, 308 -> {
                        URI next = redirect(uri, response, ++redirects, what);
                        // Authorization belongs to the registry; a CDN holding the blob gets a signed URL instead.
                        sameOrigin = sameOrigin && sameOrigin(uri, next);
                        uri = next;
                    }
                    case 401 -> {
                        if (authenticated || !sameOrigin) {
                            throw accessDenied(status, what);
                        }
                        authenticated = true;
                        authenticate(response);
                    }
                    case 403 -> throw accessDenied(status, what);
                    case 404 ->
                        throw new InvalidInputException(
                                "image not found: " + reference + " (" + what + " does not exist)",
                                reference.toString(),
                                "check the repository name and the tag or digest",
                                null);
                    case 429, 500, 502, 503, 504 -> {
                        if (attempt >= options.maxRetries()) {
                            throw new NoVerdictException(
                                    "registry " + reference.registry() + " answered " + status + " for " + what
                                            + " after " + (attempt + 1) + " attempts",
                                    reference.toString(),
                                    status == 429
                                            ? "the registry is rate limiting; try again later"
                                            : "try again later",
                                    null);
                        }
                        sleep(retryAfter(response).orElse(backoff(attempt)));
                        attempt++;
                    }
                    default ->
                        throw new InvalidInputException(
                                "registry " + reference.registry() + " answered " + status + " for " + what,
                                reference.toString());
                }
            }
        }

        private URI redirect(URI from, HttpResponse<?> response, int redirects, String what) {
            if (redirects > MAX_REDIRECTS) {
                throw new InvalidInputException("too many redirects for " + what, reference.toString());
            }
            String location = response.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new InvalidInputException(
                            "registry redirected " + what + " without a Location", reference.toString()));
            URI next = from.resolve(location);
            requireAllowedScheme(next, what);
            return next;
        }

        private void requireAllowedScheme(URI uri, String what) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("https") || (scheme.equals("http") && options.insecure())) {
                return;
            }
            throw new InvalidInputException(
                    "refusing to fetch " + what + " over " + scheme + ": " + uri.getHost(),
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

        private String token(AuthenticationChallenge challenge) {
            String realm = challenge
                    .parameter("realm")
                    .orElseThrow(() -> new InvalidInputException(
                            "registry " + reference.registry() + " sent a bearer challenge without a realm",
                            reference.toString()));
            StringBuilder query = new StringBuilder();
            challenge.parameter("service").ifPresent(service -> appendQuery(query, "service", service));
            appendQuery(
                    query,
                    "scope",
                    challenge.parameter("scope").orElse("repository:" + reference.repository() + ":pull"));
            URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
            requireAllowedScheme(uri, "a registry token");
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
                    try (InputStream body =
                            new IdleTimeoutInputStream(response.body(), options.readTimeout(), watchdog)) {
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
            return new InvalidInputException(
                    "access denied (" + status + ") to " + reference + " " + who + " when fetching " + what,
                    reference.toString(),
                    credentials == null
                            ? "the image may be private or may not exist: give --username/--password or run docker login"
                            : "check the credentials and that this user may pull " + reference.repository(),
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
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static boolean sameOrigin(URI first, URI second) {
        return first.getScheme().equalsIgnoreCase(second.getScheme())
                && String.valueOf(first.getHost()).equalsIgnoreCase(String.valueOf(second.getHost()))
                && effectivePort(first) == effectivePort(second);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
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

    private static String message(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /** A downloaded blob, deleted as soon as it has been read. */
    private static final class DeletingInputStream extends java.io.FilterInputStream {
        private final Path file;

        DeletingInputStream(Path file) throws IOException {
            super(new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
