package dev.assay.cli;

import dev.assay.engine.InventoryEngine;
import dev.assay.engine.InventoryRequest;
import dev.assay.engine.RegistryOptions;
import dev.assay.engine.TargetKind;
import dev.assay.model.Sbom;
import dev.assay.model.untrusted.Limits;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomFormat;
import dev.assay.sbom.SbomWriteOptions;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay sbom TARGET}: the inventory of a directory, file, root filesystem or image. */
@Command(
        name = "sbom",
        mixinStandardHelpOptions = true,
        description = "Write a software bill of materials for a directory, file, root filesystem or container image.",
        subcommands = {ConvertCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay sbom .                                  CycloneDX 1.6 JSON of a source tree",
            "  assay sbom app.jar --format spdx-json         SPDX 2.3 JSON of a jar (nested jars included)",
            "  assay sbom --rootfs /mnt/rootfs -o bom.xml --format cyclonedx-xml",
            "  assay sbom image.tar                          a docker-save tarball",
            "  assay sbom ./oci-layout                       an OCI image layout directory",
            "  assay sbom 127.0.0.1:5000/app:1.0 --insecure-registry",
            "  assay sbom . --deterministic                  byte-identical output for the same input",
            "",
            "Formats: cyclonedx-json (default), cyclonedx-xml, spdx-json.",
            "Registry credentials: ASSAY_REGISTRY_USERNAME / ASSAY_REGISTRY_PASSWORD, or ~/.docker/config.json."
        })
final class SbomCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "TARGET",
            description = "Directory, file (jar, lockfile), OCI layout, docker-save tarball or image reference.")
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
            names = "--deterministic",
            description = "Same input, byte-identical output (serial number and time derived from content).")
    boolean deterministic;

    @Option(
            names = "--spec-version",
            paramLabel = "VERSION",
            description = "Format version to write: 1.4, 1.5 or 1.6 for CycloneDX (default 1.6); 2.3 for SPDX.")
    String specVersion;

    @Option(
            names = "--max-file-size",
            paramLabel = "BYTES",
            description = "Largest single file read into memory (default ${DEFAULT-VALUE}).",
            defaultValue = "268435456")
    long maxFileSize;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = parent.globalOptions;
        Terminal terminal = parent.terminal();
        SbomFormat format = options.format == null ? SbomFormat.CYCLONEDX_JSON : SbomFormat.fromName(options.format);
        InventoryRequest request = request();
        Sbom sbom;
        try (ConsoleProgress progress = ConsoleProgress.forOptions(options, terminal)) {
            sbom = InventoryEngine.withDefaults().inventory(request, progress);
        }
        // Looked up here, not in a static field: picocli instantiates every command for --help too, and
        // that must not pay for initializing logback.
        Logger log = LoggerFactory.getLogger(SbomCommand.class);
        sbom.unknowns().forEach(unknown -> log.warn("could not read {}: {}", unknown.location(), unknown.reason()));
        SbomWriteOptions writeOptions = new SbomWriteOptions(specVersion, deterministic);
        OutputTarget.write(options.output, terminal.out(), out -> SbomCodecs.write(sbom, format, writeOptions, out));
        log.info(
                "{} components, {} relationships, {} unknowns",
                sbom.components().size(),
                sbom.relationships().size(),
                sbom.unknowns().size());
        return ExitCodes.OK;
    }

    private InventoryRequest request() {
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
                    "missing TARGET: give a directory, file, image or --rootfs DIR (see assay sbom --help)");
        }
        String username = System.getenv("ASSAY_REGISTRY_USERNAME");
        String password = System.getenv("ASSAY_REGISTRY_PASSWORD");
        return new InventoryRequest(
                chosenTarget,
                kind,
                new RegistryOptions(insecureRegistry, username, password),
                Limits.DEFAULT.withMaxFileBytes(maxFileSize));
    }
}
