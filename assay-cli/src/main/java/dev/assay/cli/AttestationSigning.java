package dev.assay.cli;

import dev.assay.sign.attest.Predicate;
import dev.assay.sign.attest.SignedAttestation;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.keys.EncryptedPrivateKeys;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every {@code attest} subcommand shares (subjects, key, bundle) and the one way they sign:
 * every input is read and checked before the password is asked for, so a wrong file never costs a prompt.
 */
final class AttestationSigning {
    /** A predicate travels base64-encoded inside a JSON string; this keeps the envelope readable by Assay. */
    static final long MAX_PREDICATE_BYTES = 32L * 1024 * 1024;

    @Option(
            names = "--subject",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "A file the attestation is about (repeatable); named by its file name and SHA-256.")
    List<Path> subjects;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Encrypted private key (PEM).")
    Path key;

    @Option(names = "--public-key", paramLabel = "PUB", description = "Its public key (default: KEY with .pub).")
    Path publicKey;

    @Option(
            names = "--bundle",
            paramLabel = "OUT",
            description = "Also write a Sigstore bundle (v0.3, dsseEnvelope) to OUT; the envelope then goes to"
                    + " stdout only with --output.")
    Path bundle;

    /** A subject for each file, hashed once. */
    List<Subject> readSubjects() {
        subjects.forEach(InputFiles::requireRegularFile);
        return subjects.stream().map(Subject::ofFile).toList();
    }

    /** Signs and writes the envelope and the bundle; returns the exit code. */
    int signAndWrite(List<Subject> subjectList, Predicate predicate, AssayCommand root) throws IOException {
        String keyText = SignBlobCommand.read(key);
        Path publicKeyFile = publicKey != null ? publicKey : SignBlobCommand.siblingPublicKey(key);
        PublicKey verificationKey = PublicKeys.decode(SignBlobCommand.read(publicKeyFile), publicKeyFile.toString());
        char[] password = Passwords.read("Enter password for " + key + ": ", false);
        PrivateKey privateKey;
        try {
            privateKey = EncryptedPrivateKeys.decrypt(keyText, password, key.toString());
        } finally {
            Arrays.fill(password, '\0');
        }
        SignedAttestation signed = SignedAttestation.sign(subjectList, predicate, privateKey, verificationKey);
        Terminal terminal = root.terminal();
        Path output = root.globalOptions.output;
        if (bundle != null) {
            OutputTarget.write(
                    bundle, terminal.out(), out -> out.write(signed.bundleJson().getBytes(StandardCharsets.UTF_8)));
        }
        if (bundle == null || output != null) {
            OutputTarget.write(
                    output,
                    terminal.out(),
                    out -> out.write(signed.envelopeJson().getBytes(StandardCharsets.UTF_8)));
        }
        if (!root.globalOptions.quiet) {
            terminal.err()
                    .println("assay: attested " + subjectList.size()
                            + (subjectList.size() == 1 ? " subject" : " subjects") + " with a " + predicate.type()
                            + " predicate" + (bundle != null ? "; bundle " + bundle : ""));
        }
        return ExitCodes.OK;
    }
}
