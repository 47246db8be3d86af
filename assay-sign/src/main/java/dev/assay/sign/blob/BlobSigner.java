package dev.assay.sign.blob;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.keys.SignatureSchemes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** Signs files with a local private key, streaming them once for both the digest and the signature. */
public final class BlobSigner {
    private BlobSigner() {}

    /**
     * @param publicKey the matching public key; its SHA-256 fingerprint becomes the bundle's key hint
     */
    public static BlobSignature sign(Path file, PrivateKey privateKey, PublicKey publicKey) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Signature signer = Signature.getInstance(SignatureSchemes.forKey(privateKey));
            signer.initSign(privateKey);
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                signer.update(buffer, 0, read);
            }
            return new BlobSignature(digest.digest(), signer.sign(), SignatureSchemes.keyHint(publicKey));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), file.toString(), e);
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("cannot sign with this key: " + e.getMessage(), file.toString(), e);
        }
    }
}
