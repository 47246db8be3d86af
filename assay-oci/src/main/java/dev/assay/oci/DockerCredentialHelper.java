package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeJson;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a docker credential helper ({@code docker-credential-NAME get}, the protocol of
 * docker/docker-credential-helpers) for a registry's credentials: the server URL on standard input, a JSON
 * object with {@code Username} and {@code Secret} on standard output. ECR, GCR, ACR and the desktop
 * keychains all answer this way. Only a helper found on {@code PATH} under a plain name runs; it gets a
 * bounded time and a bounded answer.
 */
final class DockerCredentialHelper {
    private static final Logger LOG = LoggerFactory.getLogger(DockerCredentialHelper.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    /** What helpers write as the user name when the secret is an OAuth2 refresh token, not a password. */
    private static final String IDENTITY_TOKEN = "<token>";

    private final String name;
    private final String searchPath;
    private final Duration timeout;

    /**
     * @param searchPath the directories to look for {@code docker-credential-NAME} in, as {@code PATH} lists them
     */
    DockerCredentialHelper(String name, String searchPath, Duration timeout) {
        this.name = name;
        this.searchPath = searchPath == null ? "" : searchPath;
        this.timeout = timeout;
    }

    /** The credentials the helper has for {@code serverUrl}; empty when it has none or cannot be asked. */
    Optional<RegistryCredentials> get(String serverUrl) {
        if (!NAME.matcher(name).matches()) {
            LOG.warn("ignoring the docker credential helper name '{}': not a plain program name", name);
            return Optional.empty();
        }
        Optional<Path> program = find("docker-credential-" + name);
        if (program.isEmpty()) {
            LOG.warn(
                    "the docker config names the credential helper '{}', but docker-credential-{} is not on PATH;"
                            + " continuing without credentials for {}",
                    name,
                    name,
                    serverUrl);
            return Optional.empty();
        }
        try {
            return ask(program.get(), serverUrl);
        } catch (IOException e) {
            LOG.warn("cannot run {}: {}", program.get(), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<RegistryCredentials> ask(Path program, String serverUrl) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(program.toString(), "get")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            }
            // Read on another thread: a helper that never closes its output must not hold the pull forever.
            CompletableFuture<byte[]> reading = new CompletableFuture<>();
            Thread.ofVirtual().name("docker-credential-" + name).start(() -> {
                try (InputStream stdout = process.getInputStream()) {
                    reading.complete(BoundedInput.readAll(stdout, MAX_ANSWER_BYTES, program.toString()));
                } catch (IOException | RuntimeException e) {
                    reading.completeExceptionally(e);
                }
            });
            byte[] answer;
            try {
                answer = reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("{} did not answer within {}; continuing without its credentials", program, timeout);
                return Optional.empty();
            } catch (ExecutionException e) {
                LOG.warn(
                        "cannot read the answer of {}: {}",
                        program,
                        e.getCause().getMessage());
                return Optional.empty();
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not exit within {}; continuing without its credentials", program, timeout);
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                // "credentials not found in native keychain": the helper has nothing for this registry.
                LOG.debug("{} has no credentials for {} (exit {})", program, serverUrl, process.exitValue());
                return Optional.empty();
            }
            return parse(answer, program.toString(), serverUrl);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Optional<RegistryCredentials> parse(byte[] answer, String program, String serverUrl) {
        JsonNode json;
        try {
            json = SafeJson.read(answer, program);
        } catch (RuntimeException e) {
            LOG.warn("{} answered with something that is not JSON; ignoring it", program);
            return Optional.empty();
        }
        String username = json.path("Username").asText("");
        String secret = json.path("Secret").asText("");
        if (username.isEmpty() || secret.isEmpty()) {
            LOG.debug("{} answered without a Username and Secret for {}", program, serverUrl);
            return Optional.empty();
        }
        if (username.equals(IDENTITY_TOKEN)) {
            LOG.warn(
                    "{} holds an identity (refresh) token for {}, which Assay cannot exchange; log in with a"
                            + " password or access token, or set ASSAY_REGISTRY_USERNAME and ASSAY_REGISTRY_PASSWORD",
                    program,
                    serverUrl);
            return Optional.empty();
        }
        return Optional.of(new RegistryCredentials(username, secret));
    }

    private Optional<Path> find(String program) {
        for (String directory : searchPath.split(Pattern.quote(File.pathSeparator))) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
