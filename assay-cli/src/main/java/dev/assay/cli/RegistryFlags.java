package dev.assay.cli;

import dev.assay.engine.RegistryOptions;
import picocli.CommandLine.Option;

/**
 * How the image commands reach a registry, as {@code sbom} does: plain HTTP only when asked, credentials
 * from ASSAY_REGISTRY_USERNAME / ASSAY_REGISTRY_PASSWORD or else docker's config.json, never from flags.
 */
final class RegistryFlags {
    @Option(
            names = "--insecure-registry",
            description = "Allow plain HTTP to the registry (for registries on loopback).")
    boolean insecureRegistry;

    RegistryOptions options() {
        return new RegistryOptions(
                insecureRegistry, System.getenv("ASSAY_REGISTRY_USERNAME"), System.getenv("ASSAY_REGISTRY_PASSWORD"));
    }
}
