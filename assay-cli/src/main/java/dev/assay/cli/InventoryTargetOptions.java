package dev.assay.cli;

import dev.assay.engine.InventoryRequest;
import dev.assay.engine.RegistryOptions;
import dev.assay.engine.TargetKind;
import dev.assay.model.untrusted.Limits;
import dev.assay.oci.Platform;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to inventory, shared by {@code sbom} and {@code scan} so that both read targets the same way. */
final class InventoryTargetOptions {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "TARGET",
            description = "Directory, file (jar, lockfile; for scan also an SBOM), OCI layout, docker-save tarball or"
                    + " image reference.")
    String target;

    @ArgGroup(exclusive = true)
    ExplicitKind explicitKind;

    static final class ExplicitKind {
        @Option(names = "--rootfs", paramLabel = "DIR", description = "Treat DIR as an unpacked root filesystem.")
        String rootfs;

        @Option(
                names = "--source-kind",
                paramLabel = "KIND",
                description = "Force how TARGET is read: ${COMPLETION-CANDIDATES}.")
        TargetKind kind;
    }

    @Option(
            names = "--insecure-registry",
            description = "Allow plain HTTP to the registry (for registries on loopback).")
    boolean insecureRegistry;

    @Option(
            names = "--platform",
            paramLabel = "OS/ARCH[/VARIANT]",
            description = "Which image of a multi-platform image to read, e.g. linux/arm64 (default: linux/amd64,"
                    + " or the only image there is).")
    String platform;

    @Option(
            names = "--max-file-size",
            paramLabel = "BYTES",
            description = "Largest single file read into memory (default ${DEFAULT-VALUE}).",
            defaultValue = "268435456")
    long maxFileSize;

    /**
     * The request these options describe; registry credentials come from the environment, never from flags.
     *
     * @param command the command name, for the hint when TARGET is missing
     */
    InventoryRequest request(String command) {
        String chosenTarget = target;
        TargetKind kind = TargetKind.AUTO;
        if (explicitKind != null && explicitKind.rootfs != null) {
            if (target != null) {
                throw new UsageException("give either TARGET or --rootfs DIR, not both");
            }
            chosenTarget = explicitKind.rootfs;
            kind = TargetKind.ROOTFS;
        } else if (explicitKind != null && explicitKind.kind != null) {
            kind = explicitKind.kind;
        }
        if (chosenTarget == null) {
            throw new UsageException(
                    "missing TARGET: give a directory, file, image or --rootfs DIR (see assay " + command + " --help)");
        }
        return new InventoryRequest(
                chosenTarget,
                kind,
                new RegistryOptions(
                        insecureRegistry,
                        System.getenv("ASSAY_REGISTRY_USERNAME"),
                        System.getenv("ASSAY_REGISTRY_PASSWORD")),
                Limits.DEFAULT.withMaxFileBytes(maxFileSize),
                platform == null ? null : Platform.parse(platform));
    }
}
