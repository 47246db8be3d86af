package dev.assay.sigstore;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One case of the sigstore-conformance bundle-verify suite, read by that suite's conventions (its
 * README): artifact, identity, issuer, key.pub and trusted_root.json, each with a default.
 */
record ConformanceCase(String name, Path directory, Path suite, Path defaultTrustedRoot) {
    static final String DEFAULT_IDENTITY =
            "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
                    + ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    static final String DEFAULT_ISSUER = "https://token.actions.githubusercontent.com";

    boolean mustFail() {
        return name.endsWith("_fail");
    }

    Path artifact() {
        Path own = directory.resolve("artifact");
        return Files.exists(own) ? own : suite.resolve("a.txt");
    }

    Path trustedRoot() {
        Path own = directory.resolve("trusted_root.json");
        return Files.exists(own) ? own : defaultTrustedRoot;
    }

    boolean ownsTrustedRoot() {
        return Files.exists(directory.resolve("trusted_root.json"));
    }

    /** The verdict, or the message of the input error that stopped verification. */
    Outcome run() throws IOException {
        Path bundle = directory.resolve("bundle.sigstore.json");
        try {
            TrustRoot root = TrustRoot.load(trustedRoot());
            byte[] json = Files.readAllBytes(bundle);
            Path key = directory.resolve("key.pub");
            Verification verdict = Files.exists(key)
                    ? ManagedKeyBundleVerifier.verify(
                            artifact(),
                            json,
                            bundle.toString(),
                            root,
                            PublicKeys.decode(Files.readString(key, StandardCharsets.US_ASCII), key.toString()))
                    : KeylessBundleVerifier.verify(
                            artifact(),
                            json,
                            bundle.toString(),
                            root,
                            IdentityPolicy.exact(read("identity", DEFAULT_IDENTITY), read("issuer", DEFAULT_ISSUER)));
            return switch (verdict) {
                case Verification.Verified verified -> new Outcome(true, verified.detail());
                case Verification.Rejected rejected -> new Outcome(false, rejected.reason());
            };
        } catch (InvalidInputException e) {
            return new Outcome(false, "invalid input: " + e.getMessage());
        }
    }

    private String read(String file, String fallback) throws IOException {
        Path path = directory.resolve(file);
        return Files.exists(path)
                ? Files.readString(path, StandardCharsets.UTF_8).strip()
                : fallback;
    }

    record Outcome(boolean verified, String message) {}
}
