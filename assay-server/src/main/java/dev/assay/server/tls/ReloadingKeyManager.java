package dev.assay.server.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager whose credentials can be replaced while the server runs; every handshake after the
 * replacement presents the new certificate. The alias names the generation, so a handshake that chose its
 * alias just before a replacement still gets the chain and key of one and the same generation.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS_PREFIX = "assay-serving-";

    private record Generation(long number, TlsCredentials credentials) {
        String alias() {
            return ALIAS_PREFIX + number;
        }
    }

    /** The current generation and the one before it. */
    private record State(Generation current, Generation previous) {}

    private final AtomicReference<State> state;

    ReloadingKeyManager(TlsCredentials initial) {
        state = new AtomicReference<>(new State(new Generation(1, initial), null));
    }

    TlsCredentials current() {
        return state.get().current().credentials();
    }

    void update(TlsCredentials credentials) {
        state.updateAndGet(old -> new State(new Generation(old.current().number() + 1, credentials), old.current()));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = alias(keyType);
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Generation generation = generation(alias);
        return generation == null ? null : generation.credentials().chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Generation generation = generation(alias);
        return generation == null ? null : generation.credentials().key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    /** The current alias when the key can sign for the handshake's key type, else null (try another suite). */
    private String alias(String keyType) {
        Generation current = state.get().current();
        return matches(current.credentials().key().getAlgorithm(), keyType) ? current.alias() : null;
    }

    static boolean matches(String keyAlgorithm, String keyType) {
        if (keyType == null) {
            return false;
        }
        return switch (keyAlgorithm) {
            case "RSA" -> keyType.equals("RSA") || keyType.equals("RSASSA-PSS");
            case "EC" -> keyType.equals("EC");
            case "Ed25519", "EdDSA" -> keyType.equals("EdDSA") || keyType.equals("Ed25519");
            default -> keyType.equals(keyAlgorithm);
        };
    }

    private Generation generation(String alias) {
        State current = state.get();
        if (current.current().alias().equals(alias)) {
            return current.current();
        }
        if (current.previous() != null && current.previous().alias().equals(alias)) {
            return current.previous();
        }
        return null;
    }
}
