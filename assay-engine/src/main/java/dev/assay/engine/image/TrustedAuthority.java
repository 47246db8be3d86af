package dev.assay.engine.image;

import dev.assay.engine.SignatureTrust;
import dev.assay.model.AssayException;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.image.Authority;
import dev.assay.sign.keys.PublicKeys;
import dev.assay.sigstore.IdentityPolicy;
import dev.assay.sigstore.TrustRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An authority of a policy with its trust material loaded: the public key decoded, or the trusted root
 * read and the identity compiled. Loaded once, when the policy is, so a broken key file is a load error
 * naming the policy's line rather than a denial at the first admission.
 */
record TrustedAuthority(String name, SignatureTrust trust) {
    /** Larger than any PEM public key. */
    private static final long MAX_KEY_BYTES = 64 * 1024;

    /**
     * @param roots trusted roots already loaded by this policy set, by file (shared: they are large)
     * @throws InvalidInputException naming the authority's place in the policy when its material is unusable
     */
    static TrustedAuthority load(Authority authority, Map<Path, TrustRoot> roots) {
        try {
            return switch (authority) {
                case Authority.Key key ->
                    new TrustedAuthority(
                            key.name(),
                            new SignatureTrust.Key(PublicKeys.decode(
                                    key.pem().isPresent()
                                            ? key.pem().get()
                                            : readKey(key.file().orElseThrow()),
                                    key.file().map(Path::toString).orElse("the inline key"))));
                case Authority.Keyless keyless -> {
                    TrustRoot root = roots.get(keyless.trustedRoot());
                    if (root == null) {
                        root = loadRoot(keyless.trustedRoot());
                        roots.put(keyless.trustedRoot(), root);
                    }
                    IdentityPolicy identity = keyless.subject().isPresent()
                            ? IdentityPolicy.exact(keyless.subject().get(), keyless.issuer())
                            : IdentityPolicy.regexp(keyless.subjectRegExp().orElseThrow(), keyless.issuer());
                    yield new TrustedAuthority(keyless.name(), new SignatureTrust.Keyless(root, identity));
                }
            };
        } catch (AssayException e) {
            throw new InvalidInputException(
                    authority.location() + ": " + e.getMessage(), authority.location(), e.hint(), e);
        }
    }

    private static String readKey(Path file) {
        try {
            if (Files.size(file) > MAX_KEY_BYTES) {
                throw new InvalidInputException(
                        file + " is larger than " + MAX_KEY_BYTES + " bytes; not a public key", file.toString());
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read the key file " + file + ": " + e.getMessage(), file.toString(), e);
        }
    }

    /** A trusted root the policy names but that is missing is a broken policy (exit 2), not an undecidable image. */
    private static TrustRoot loadRoot(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("the trusted root " + file + " does not exist", file.toString());
        }
        return TrustRoot.load(file);
    }
}
