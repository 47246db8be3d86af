package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Sbom;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomFormat;
import dev.assay.sbom.SbomWriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay sbom convert IN --format F}: between CycloneDX 1.4-1.6 JSON/XML and SPDX 2.3 JSON. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description =
                "Convert an SBOM between CycloneDX 1.4-1.6 (JSON, XML) and SPDX 2.3 JSON, keeping the dependency graph.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay sbom convert bom.json --format spdx-json -o bom.spdx.json",
            "  assay sbom convert bom.spdx.json --format cyclonedx-xml",
            "  assay sbom convert bom.json --format cyclonedx-json --spec-version 1.4"
        })
final class ConvertCommand implements Callable<Integer> {
    private static final long MAX_SBOM_BYTES = 512L * 1024 * 1024;

    @ParentCommand
    SbomCommand parent;

    @Parameters(index = "0", paramLabel = "IN", description = "The SBOM to convert ('-' for standard input).")
    String input;

    @Option(
            names = "--spec-version",
            paramLabel = "VERSION",
            description = "Format version to write: 1.4, 1.5 or 1.6 for CycloneDX; 2.3 for SPDX.")
    String specVersion;

    @Option(names = "--deterministic", description = "Same input, byte-identical output.")
    boolean deterministic;

    @Override
    public Integer call() throws IOException {
        GlobalOptions options = parent.parent.globalOptions;
        Terminal terminal = parent.parent.terminal();
        if (options.format == null) {
            throw new UsageException("missing --format: one of " + SbomFormat.names());
        }
        SbomFormat format = SbomFormat.fromName(options.format);
        Sbom sbom = SbomCodecs.read(readInput(terminal), input);
        OutputTarget.write(
                options.output,
                terminal.out(),
                out -> SbomCodecs.write(sbom, format, new SbomWriteOptions(specVersion, deterministic), out));
        return ExitCodes.OK;
    }

    private byte[] readInput(Terminal terminal) throws IOException {
        if (input.equals("-")) {
            return BoundedInput.readAll(terminal.in(), MAX_SBOM_BYTES, "standard input");
        }
        try (InputStream stream = Files.newInputStream(Path.of(input))) {
            return BoundedInput.readAll(stream, MAX_SBOM_BYTES, input);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file: " + input, input, e);
        }
    }
}
