package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.blob.BlobSignature;
import dev.assay.sign.blob.BlobSigner;
import dev.assay.sign.keys.EncryptedPrivateKeys;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay sign blob FILE --key KEY}: a detached signature and/or a Sigstore bundle, like cosign sign-blob. */
@Command(
        name = "blob",
        mixinStandardHelpOptions = true,
        description = {
            "Sign FILE with an encrypted private key (from 'assay keygen' or cosign). Writes a Sigstore bundle",
            "(v0.3, message signature) with --bundle and/or a detached base64 signature with --signature; without",
            "either, prints the base64 signature on stdout. The key's public half must sit beside it as KEY.pub",
            "(or be given with --public-key) so the bundle names the key."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ASSAY_PASSWORD=... assay sign blob app.tar --key cosign.key --bundle app.tar.sigstore.json",
            "  assay sign blob app.tar --key cosign.key --signature app.tar.sig"
        })
final class SignBlobCommand implements Callable<Integer> {
    @ParentCommand
    SignCommand sign;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to sign.")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Encrypted private key (PEM).")
    Path key;

    @Option(names = "--public-key", paramLabel = "PUB", description = "Its public key (default: KEY with .pub).")
    Path publicKey;

    @Option(names = "--bundle", paramLabel = "OUT", description = "Write a Sigstore bundle (JSON) to OUT.")
    Path bundle;

    @Option(names = "--signature", paramLabel = "OUT", description = "Write the base64 signature to OUT.")
    Path signature;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no such file: " + file, file.toString());
        }
        String keyText = read(key);
        Path publicKeyFile = publicKey != null ? publicKey : siblingPublicKey(key);
        PublicKey verificationKey = PublicKeys.decode(read(publicKeyFile), publicKeyFile.toString());
        char[] password = Passwords.read("Enter password for " + key + ": ", false);
        PrivateKey privateKey;
        try {
            privateKey = EncryptedPrivateKeys.decrypt(keyText, password, key.toString());
        } finally {
            Arrays.fill(password, '\0');
        }
        BlobSignature signed = BlobSigner.sign(file, privateKey, verificationKey);
        Terminal terminal = sign.parent.terminal();
        if (bundle != null) {
            OutputTarget.write(
                    bundle, terminal.out(), out -> out.write(signed.bundleJson().getBytes(StandardCharsets.UTF_8)));
        }
        if (signature != null || bundle == null) {
            // Without --signature or --bundle the signature is the main output: stdout or the global --output.
            OutputTarget.write(
                    signature != null ? signature : sign.parent.globalOptions.output,
                    terminal.out(),
                    out -> out.write((signed.base64Signature() + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
        return ExitCodes.OK;
    }

    static Path siblingPublicKey(Path privateKey) {
        String name = privateKey.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
        return privateKey.resolveSibling(base + ".pub");
    }

    static String read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("no such file: " + path, path.toString());
        }
        if (Files.size(path) > 1024 * 1024) {
            throw new InvalidInputException(path + " is too large to be a key", path.toString());
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
