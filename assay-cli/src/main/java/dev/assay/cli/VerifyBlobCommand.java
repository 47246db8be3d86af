package dev.assay.cli;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.blob.BlobVerifier;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay verify blob FILE}: with a public key ({@code --key}) against a detached signature or a
 * bundle, the bundle's log entry included when a {@code --trusted-root} is given; or keyless, a bundle
 * against a trusted root and the signer's expected identity and OIDC issuer.
 */
@Command(
        name = "blob",
        mixinStandardHelpOptions = true,
        description = {
            "Verify FILE against a detached signature or a Sigstore bundle.",
            "With --key: the signature, and with --trusted-root also the bundle's transparency-log entry.",
            "Keyless: the bundle's Fulcio certificate, the expected identity and issuer, the signature, the log"
                    + " entry and the signing time, all offline against --trusted-root.",
            "For a DSSE (attestation) bundle, FILE is a subject of its in-toto statement."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay verify blob app.tar --key cosign.pub --bundle app.tar.sigstore.json",
            "  assay verify blob app.tar --key cosign.pub --signature app.tar.sig",
            "  assay verify blob app.tar --bundle app.tar.sigstore.json --trusted-root trusted_root.json \\",
            "      --certificate-identity https://github.com/org/repo/.github/workflows/release.yml@refs/heads/main \\",
            "      --certificate-oidc-issuer https://token.actions.githubusercontent.com",
            "",
            "Exit codes: 0 verified, 1 rejected, 2 unusable input or flags, 3 trusted root unavailable."
        })
final class VerifyBlobCommand implements Callable<Integer> {
    /** Bundles and signatures are kilobytes; an attestation bundle may carry an SBOM. */
    static final long MAX_EVIDENCE_BYTES = 16 * 1024 * 1024;

    @ParentCommand
    VerifyCommand verify;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed file.")
    Path file;

    @Option(names = "--key", paramLabel = "PUB", description = "Public key (PEM) of a managed-key signature.")
    Path key;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Evidence evidence;

    @Option(
            names = "--trusted-root",
            paramLabel = "ROOT",
            description = "The Sigstore instance's trusted_root.json (Fulcio CAs, CT and transparency logs, timestamp"
                    + " authorities). Required for keyless bundles; with --key, also checks the log entry.")
    Path trustedRoot;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Identity identity;

    @Option(
            names = "--certificate-oidc-issuer",
            paramLabel = "ISSUER",
            description = "The OIDC issuer that must have vouched for the signer, exactly.")
    String issuer;

    static final class Evidence {
        @Option(names = "--signature", paramLabel = "SIG", description = "Detached base64 signature file.")
        Path signature;

        @Option(names = "--bundle", paramLabel = "BUNDLE", description = "Sigstore bundle (JSON), v0.1 to v0.3.")
        Path bundle;
    }

    static final class Identity {
        @Option(
                names = "--certificate-identity",
                paramLabel = "ID",
                description = "The signer's identity in the certificate (e-mail or URI), exactly.")
        String exact;

        @Option(
                names = "--certificate-identity-regexp",
                paramLabel = "RE",
                description = "A regular expression the whole certificate identity must match.")
        String pattern;
    }

    @Override
    public Integer call() throws IOException {
        checkCombination();
        InputFiles.requireRegularFile(file);
        PublicKey publicKey = key == null ? null : PublicKeys.decode(SignBlobCommand.read(key), key.toString());
        Verification verdict;
        if (trustedRoot != null) {
            // Only this path loads sigstore-java (39 jars): other commands and key-only checks never touch it.
            byte[] bundle = InputFiles.read(evidence.bundle, MAX_EVIDENCE_BYTES, "a signature or bundle");
            String bundleName = evidence.bundle.toString();
            verdict = publicKey != null
                    ? SigstoreVerification.withKey(file, bundle, bundleName, trustedRoot, publicKey)
                    : SigstoreVerification.keyless(
                            file, bundle, bundleName, trustedRoot, identity.exact, identity.pattern, issuer);
        } else if (evidence.bundle != null) {
            byte[] bundle = InputFiles.read(evidence.bundle, MAX_EVIDENCE_BYTES, "a signature or bundle");
            verdict = BlobVerifier.verifyBundle(file, publicKey, bundle, evidence.bundle.toString());
        } else {
            String text = new String(
                            InputFiles.read(evidence.signature, MAX_EVIDENCE_BYTES, "a signature or bundle"),
                            StandardCharsets.US_ASCII)
                    .strip();
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(evidence.signature + " is not a base64 signature", text, e);
            }
            verdict = BlobVerifier.verifySignature(file, publicKey, signature);
        }
        return Verdicts.report(verdict, verify.parent.terminal(), verify.parent.globalOptions.quiet);
    }

    /** The flag combinations picocli's groups cannot express, each refused with what to give instead. */
    private void checkCombination() {
        boolean identityGiven = identity != null || issuer != null;
        if (key != null && identityGiven) {
            throw new UsageException("--certificate-identity, --certificate-identity-regexp and"
                    + " --certificate-oidc-issuer verify keyless bundles; they do not apply with --key");
        }
        if (evidence.signature != null && trustedRoot != null) {
            throw new UsageException(
                    "--trusted-root checks a bundle's log entry; a detached --signature has none" + " (use --bundle)");
        }
        if (key == null && trustedRoot == null) {
            throw new UsageException(
                    identityGiven
                            ? "keyless verification needs --trusted-root ROOT (the Sigstore instance's trusted_root.json)"
                            : "give --key PUB for a managed-key signature, or --trusted-root ROOT with --certificate-identity"
                                    + " (or --certificate-identity-regexp) and --certificate-oidc-issuer for a keyless bundle");
        }
        if (key == null) {
            if (identity == null) {
                throw new UsageException("keyless verification needs the expected signer: --certificate-identity ID or"
                        + " --certificate-identity-regexp RE");
            }
            if (issuer == null) {
                throw new UsageException("keyless verification needs --certificate-oidc-issuer ISSUER (an identity"
                        + " means nothing without the issuer that vouched for it)");
            }
        }
    }
}
