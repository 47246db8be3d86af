package dev.assay.cli;

import dev.assay.engine.InventoryEngine;
import dev.assay.engine.InventoryRequest;
import dev.assay.model.Sbom;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomFormat;
import dev.assay.sbom.SbomWriteOptions;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
            "  assay sbom . --upload https://assay.example.com --project shop --project-version 1.4.0",
            "",
            "Formats: cyclonedx-json (default), cyclonedx-xml, spdx-json.",
            "Registry credentials: ASSAY_REGISTRY_USERNAME / ASSAY_REGISTRY_PASSWORD, or ~/.docker/config.json."
        })
final class SbomCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Mixin
    InventoryTargetOptions inventory;

    @Mixin
    UploadOptions upload;

    @Option(
            names = "--deterministic",
            description = "Same input, byte-identical output (serial number and time derived from content).")
    boolean deterministic;

    @Option(
            names = "--spec-version",
            paramLabel = "VERSION",
            description = "Format version to write: 1.4, 1.5 or 1.6 for CycloneDX (default 1.6); 2.3 for SPDX.")
    String specVersion;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = parent.globalOptions;
        Terminal terminal = parent.terminal();
        SbomFormat format = options.format == null ? SbomFormat.CYCLONEDX_JSON : SbomFormat.fromName(options.format);
        InventoryRequest request = inventory.request("sbom");
        ServerUpload.Target uploadTarget = upload.target(System.getenv());
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
        if (uploadTarget != null) {
            SbomUploader.uploadAndReport(uploadTarget, sbom, options, terminal);
        }
        return ExitCodes.OK;
    }
}
