package dev.assay.oci;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link RegistryClient} connects.
 *
 * @param insecure speak plain HTTP to the registry (and allow it for token endpoints); only for registries
 *     the user explicitly marks insecure, typically on loopback
 * @param credentials explicit credentials, or null to use {@code dockerConfig} (or go anonymous)
 * @param dockerConfig docker {@code config.json} to take {@code auths} from; null to read none
 * @param connectTimeout bound on establishing a connection
 * @param readTimeout bound on waiting for response headers and on any silence while reading a body
 * @param maxRetries retries after 5xx, 429 or a failed connection, with exponential backoff
 * @param initialBackoff the first retry's delay
 * @param maxBlobBytes largest blob (compressed layer) accepted
 */
public record RegistryClientOptions(
        boolean insecure,
        RegistryCredentials credentials,
        Path dockerConfig,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration initialBackoff,
        long maxBlobBytes) {

    public static RegistryClientOptions defaults() {
        return new RegistryClientOptions(
                false,
                null,
                DockerConfigCredentials.defaultConfig(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                3,
                Duration.ofMillis(500),
                4L * 1024 * 1024 * 1024);
    }

    public RegistryClientOptions withInsecure(boolean value) {
        return new RegistryClientOptions(
                value,
                credentials,
                dockerConfig,
                connectTimeout,
                readTimeout,
                maxRetries,
                initialBackoff,
                maxBlobBytes);
    }

    public RegistryClientOptions withCredentials(RegistryCredentials value) {
        return new RegistryClientOptions(
                insecure, value, dockerConfig, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBlobBytes);
    }

    public RegistryClientOptions withDockerConfig(Path value) {
        return new RegistryClientOptions(
                insecure, credentials, value, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBlobBytes);
    }

    public RegistryClientOptions withTimeouts(Duration connect, Duration read) {
        return new RegistryClientOptions(
                insecure, credentials, dockerConfig, connect, read, maxRetries, initialBackoff, maxBlobBytes);
    }

    public RegistryClientOptions withRetries(int retries, Duration backoff) {
        return new RegistryClientOptions(
                insecure, credentials, dockerConfig, connectTimeout, readTimeout, retries, backoff, maxBlobBytes);
    }

    public RegistryClientOptions withMaxBlobBytes(long value) {
        return new RegistryClientOptions(
                insecure, credentials, dockerConfig, connectTimeout, readTimeout, maxRetries, initialBackoff, value);
    }

    @Override
    public String toString() {
        return "RegistryClientOptions[insecure=" + insecure + ", credentials=" + credentials + ", dockerConfig="
                + dockerConfig + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxRetries="
                + maxRetries + "]";
    }
}
