package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.blob.BlobVerifier;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay verify blob FILE --key PUB (--signature SIG | --bundle B)}. */
@Command(
        name = "blob",
        mixinStandardHelpOptions = true,
        description =
                "Verify FILE against a detached signature or a Sigstore bundle's message signature with a public key.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay verify blob app.tar --key cosign.pub --bundle app.tar.sigstore.json",
            "  assay verify blob app.tar --key cosign.pub --signature app.tar.sig"
        })
final class VerifyBlobCommand implements Callable<Integer> {
    @ParentCommand
    VerifyCommand verify;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed file.")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "PUB", description = "Public key (PEM).")
    Path key;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Evidence evidence;

    static final class Evidence {
        @Option(names = "--signature", paramLabel = "SIG", description = "Detached base64 signature file.")
        Path signature;

        @Option(names = "--bundle", paramLabel = "BUNDLE", description = "Sigstore bundle (JSON).")
        Path bundle;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no such file: " + file, file.toString());
        }
        PublicKey publicKey = PublicKeys.decode(SignBlobCommand.read(key), key.toString());
        Verification verdict;
        if (evidence.bundle != null) {
            byte[] bundle = bytes(evidence.bundle);
            verdict = BlobVerifier.verifyBundle(file, publicKey, bundle, evidence.bundle.toString());
        } else {
            String text = new String(bytes(evidence.signature), StandardCharsets.US_ASCII).strip();
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(evidence.signature + " is not a base64 signature", text, e);
            }
            verdict = BlobVerifier.verifySignature(file, publicKey, signature);
        }
        Terminal terminal = verify.parent.terminal();
        return switch (verdict) {
            case Verification.Verified verified -> {
                if (!verify.parent.globalOptions.quiet) {
                    terminal.err().println("assay: verified: " + verified.detail());
                }
                yield ExitCodes.OK;
            }
            case Verification.Rejected rejected -> {
                terminal.err().println("assay: rejected: " + rejected.reason());
                yield ExitCodes.GATE_TRIPPED;
            }
        };
    }

    private static byte[] bytes(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("no such file: " + path, path.toString());
        }
        if (Files.size(path) > 16 * 1024 * 1024) {
            throw new InvalidInputException(path + " is too large for a signature or bundle", path.toString());
        }
        return Files.readAllBytes(path);
    }
}
