package dev.assay.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials from a docker {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}), looked up as docker does: the registry's own credential helper
 * ({@code credHelpers}), else the static {@code auths} entry, else the default store ({@code credsStore}).
 * Helpers are external programs ({@link DockerCredentialHelper}) found on {@code PATH}.
 */
public final class DockerConfigCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(DockerConfigCredentials.class);
    private static final long MAX_CONFIG_BYTES = 1024 * 1024;
    private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(30);

    private DockerConfigCredentials() {}

    /** The default config file location, whether or not it exists. */
    public static Path defaultConfig() {
        String configured = System.getenv("DOCKER_CONFIG");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "config.json");
        }
        return Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /** Credentials for a registry (as users write it, e.g. {@code docker.io}, {@code 127.0.0.1:5000}). */
    public static Optional<RegistryCredentials> lookup(Path config, String registry) {
        return lookup(config, registry, System.getenv("PATH"), HELPER_TIMEOUT);
    }

    /** As {@link #lookup(Path, String)}, running helpers found in {@code searchPath}. */
    static Optional<RegistryCredentials> lookup(
            Path config, String registry, String searchPath, Duration helperTimeout) {
        if (config == null || !Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode root;
        try (InputStream input = Files.newInputStream(config)) {
            root = SafeJson.read(BoundedInput.readAll(input, MAX_CONFIG_BYTES, config.toString()), config.toString());
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable docker config {}: {}", config, e.getMessage());
            return Optional.empty();
        }
        String helperUrl = registry.equals(ImageReference.DOCKER_HUB) ? "https://index.docker.io/v1/" : registry;
        JsonNode helpers = root.path("credHelpers");
        for (String key : keys(registry)) {
            if (helpers.path(key).isTextual()) {
                return new DockerCredentialHelper(helpers.path(key).asText(), searchPath, helperTimeout).get(helperUrl);
            }
        }
        JsonNode auths = root.path("auths");
        for (String key : keys(registry)) {
            JsonNode entry = auths.get(key);
            if (entry == null || !entry.isObject()) {
                continue;
            }
            Optional<RegistryCredentials> credentials = decode(entry);
            if (credentials.isPresent()) {
                return credentials;
            }
            LOG.debug("docker config entry for {} has no usable auth", key);
        }
        if (root.path("credsStore").isTextual()
                && !root.path("credsStore").asText().isBlank()) {
            return new DockerCredentialHelper(root.path("credsStore").asText(), searchPath, helperTimeout)
                    .get(helperUrl);
        }
        return Optional.empty();
    }

    private static Optional<RegistryCredentials> decode(JsonNode entry) {
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(
                            new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String username = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        if (!username.isEmpty() && !password.isEmpty()) {
            return Optional.of(new RegistryCredentials(username, password));
        }
        return Optional.empty();
    }

    /** The spellings docker itself has used as keys for one registry. */
    private static List<String> keys(String registry) {
        List<String> keys = new ArrayList<>();
        List<String> hosts = registry.equals(ImageReference.DOCKER_HUB)
                ? List.of("index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io")
                : List.of(registry);
        for (String host : hosts) {
            keys.add("https://" + host);
            keys.add(host);
            keys.add("http://" + host);
            if (!host.endsWith("/")) {
                keys.add("https://" + host + "/v1/");
                keys.add("https://" + host + "/v2/");
            }
        }
        return keys;
    }
}
