package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.keys.EncryptedPrivateKeys;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code assay keygen}: a signing key pair, the private key encrypted in cosign's format. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a signing key pair: NAME.key (private, encrypted with a password in the format cosign uses,",
            "so cosign reads it and Assay reads cosign's) and NAME.pub (PEM public key).",
            "The password comes from ASSAY_PASSWORD or an interactive prompt, never from the command line."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay keygen                                   cosign.key and cosign.pub, ECDSA P-256",
            "  ASSAY_PASSWORD=... assay keygen --output-prefix release --algorithm ed25519"
        })
final class KeygenCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = Passwords.VARIABLE;

    @ParentCommand
    AssayCommand parent;

    @Option(
            names = "--output-prefix",
            paramLabel = "NAME",
            description = "Write NAME.key and NAME.pub (default ${DEFAULT-VALUE}).",
            defaultValue = "cosign")
    String outputPrefix;

    @Option(
            names = "--algorithm",
            paramLabel = "ALGORITHM",
            description = "ecdsa-p256 (default), ed25519 or rsa-3072.",
            defaultValue = "ecdsa-p256")
    String algorithm;

    @Option(names = "--force", description = "Replace existing key files.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        KeyAlgorithm chosen = KeyAlgorithm.fromId(algorithm);
        Path privateKeyFile = Path.of(outputPrefix + ".key");
        Path publicKeyFile = Path.of(outputPrefix + ".pub");
        if (!force && (Files.exists(privateKeyFile) || Files.exists(publicKeyFile))) {
            throw new InvalidInputException(
                    privateKeyFile + " or " + publicKeyFile + " exists; use --force to replace it",
                    privateKeyFile.toString());
        }
        char[] password = Passwords.read("Enter password for the private key: ", true);
        try {
            KeyPair pair = KeyPairs.generate(chosen);
            String encrypted = EncryptedPrivateKeys.encrypt(pair.getPrivate(), password);
            writePrivate(privateKeyFile, encrypted);
            Files.writeString(publicKeyFile, PublicKeys.encode(pair.getPublic()), StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!parent.globalOptions.quiet) {
            parent.terminal()
                    .err()
                    .println("assay: wrote " + privateKeyFile + " (encrypted " + chosen.id() + " private key) and "
                            + publicKeyFile);
        }
        return ExitCodes.OK;
    }

    /** Created readable by its owner only where the file system has POSIX permissions. */
    private static void writePrivate(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(file + " appeared while writing it", file.toString(), e);
        }
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
