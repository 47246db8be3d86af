package dev.assay.server.tls;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Reads a certificate chain and a private key from PEM files. Keys may be PKCS#8 ({@code PRIVATE KEY},
 * what {@code openssl genpkey} writes), PKCS#1 ({@code RSA PRIVATE KEY}, cert-manager's default) or SEC1
 * ({@code EC PRIVATE KEY}); RSA, EC and Ed25519. Encrypted keys are refused: the server could not ask
 * for a password, and a Secret is already the protection.
 */
public final class PemFiles {
    /** Far larger than any certificate chain or key. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,64})-----\\r?\\n([A-Za-z0-9+/=\\r\\n\\t :,-]{0,1048576}?)-----END \\1-----");

    /** RFC 8410; BouncyCastle keeps its constant in an internal package. */
    private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private static final Map<ASN1ObjectIdentifier, String> KEY_FACTORIES = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA", X9ObjectIdentifiers.id_ecPublicKey, "EC", ED25519, "Ed25519");

    private PemFiles() {}

    /**
     * The credentials in the two files.
     *
     * @throws InvalidInputException when a file is missing, unreadable or malformed, or the key does not
     *     belong to the certificate
     */
    public static TlsCredentials read(Path certificateFile, Path keyFile) {
        byte[] certificateBytes = readFile(certificateFile, "TLS certificate");
        byte[] keyBytes = readFile(keyFile, "TLS private key");
        return parse(certificateBytes, certificateFile.toString(), keyBytes, keyFile.toString());
    }

    static TlsCredentials parse(byte[] certificateBytes, String certificateName, byte[] keyBytes, String keyName) {
        List<X509Certificate> chain = certificates(certificateBytes, certificateName);
        PrivateKey key = privateKey(new String(keyBytes, StandardCharsets.US_ASCII), keyName);
        requireMatch(key, chain.get(0).getPublicKey(), certificateName, keyName);
        return new TlsCredentials(key, chain, fingerprint(certificateBytes, keyBytes));
    }

    /** Identifies the contents of both files, to tell a changed pair from the one already served. */
    static String fingerprint(byte[] certificateBytes, byte[] keyBytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(certificateBytes);
            digest.update((byte) 0);
            digest.update(keyBytes);
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static byte[] readFile(Path file, String what) {
        try (InputStream input = Files.newInputStream(file)) {
            return BoundedInput.readAll(input, MAX_FILE_BYTES, what + " " + file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(what + " " + file + " does not exist", file.toString(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + what + " " + file + ": " + e, file.toString(), e);
        }
    }

    private static List<X509Certificate> certificates(byte[] content, String name) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(new String(content, StandardCharsets.US_ASCII), name)) {
                if (block.label().equals("CERTIFICATE")) {
                    Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(block.der()));
                    chain.add((X509Certificate) certificate);
                }
            }
        } catch (CertificateException e) {
            throw new InvalidInputException(name + " holds a malformed certificate: " + e.getMessage(), name, e);
        }
        if (chain.isEmpty()) {
            throw new InvalidInputException(name + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)", name);
        }
        return chain;
    }

    private static PrivateKey privateKey(String content, String name) {
        for (Block block : blocks(content, name)) {
            switch (block.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(block.der(), name);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(pkcs1ToPkcs8(block.der(), name), name);
                }
                case "EC PRIVATE KEY" -> {
                    return pkcs8(sec1ToPkcs8(block.der(), name), name);
                }
                case "ENCRYPTED PRIVATE KEY" ->
                    throw new InvalidInputException(
                            name + " holds an encrypted private key; the server needs it unencrypted "
                                    + "(openssl pkey -in " + name + " -out key.pem)",
                            name);
                default -> {
                    // EC PARAMETERS and other blocks before the key: keep looking.
                }
            }
        }
        throw new InvalidInputException(name + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)", name);
    }

    private static PrivateKey pkcs8(byte[] der, String name) {
        try {
            ASN1ObjectIdentifier algorithm =
                    PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm();
            String factory = KEY_FACTORIES.get(algorithm);
            if (factory == null) {
                throw new InvalidInputException(
                        name + ": unsupported key algorithm " + algorithm.getId() + " (expected RSA, EC or Ed25519)",
                        name);
            }
            return KeyFactory.getInstance(factory).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw new InvalidInputException(name + " holds a malformed private key", name, e);
        }
    }

    private static byte[] pkcs1ToPkcs8(byte[] der, String name) {
        try {
            return new PrivateKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            RSAPrivateKey.getInstance(der))
                    .getEncoded();
        } catch (IllegalArgumentException | ClassCastException | IOException e) {
            throw new InvalidInputException(name + " holds a malformed RSA private key", name, e);
        }
    }

    private static byte[] sec1ToPkcs8(byte[] der, String name) {
        try {
            ECPrivateKey key = ECPrivateKey.getInstance(der);
            if (key.getParametersObject() == null) {
                throw new InvalidInputException(name + ": the EC private key does not name its curve", name);
            }
            return new PrivateKeyInfo(
                            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, key.getParametersObject()), key)
                    .getEncoded();
        } catch (IllegalArgumentException | ClassCastException | IOException e) {
            throw new InvalidInputException(name + " holds a malformed EC private key", name, e);
        }
    }

    /** Proves possession rather than comparing encodings: sign a random challenge, verify with the certificate. */
    private static void requireMatch(PrivateKey key, PublicKey certificateKey, String certificateName, String keyName) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        boolean matches;
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(challenge);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new InvalidInputException(
                    "the private key in " + keyName + " does not belong to the certificate in " + certificateName,
                    keyName);
        }
    }

    private record Block(String label, byte[] der) {}

    private static List<Block> blocks(String content, String name) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(content);
        while (matcher.find()) {
            String body = matcher.group(2);
            if (body.contains(":")) {
                // RFC 1421 headers (Proc-Type, DEK-Info): an encrypted legacy key.
                throw new InvalidInputException(
                        name + " holds an encrypted private key; the server needs it unencrypted", name);
            }
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(name + ": a PEM block is not valid base64", name, e);
            }
        }
        return blocks;
    }
}
