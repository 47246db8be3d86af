package dev.assay.cli;

import dev.assay.sign.keys.EncryptedPrivateKeys;
import dev.assay.sign.keys.PublicKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/** An encrypted private key and its public half, loaded as {@code sign blob} loads them. */
record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    /** @param publicKey the public key file, or null for KEY's sibling {@code .pub} */
    static SigningKey load(Path key, Path publicKey) throws IOException {
        String keyText = SignBlobCommand.read(key);
        Path publicKeyFile = publicKey != null ? publicKey : SignBlobCommand.siblingPublicKey(key);
        PublicKey verificationKey = PublicKeys.decode(SignBlobCommand.read(publicKeyFile), publicKeyFile.toString());
        char[] password = Passwords.read("Enter password for " + key + ": ", false);
        try {
            return new SigningKey(EncryptedPrivateKeys.decrypt(keyText, password, key.toString()), verificationKey);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
