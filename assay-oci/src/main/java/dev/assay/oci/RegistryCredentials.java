package dev.assay.oci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password (or token) for one registry. Never printed: {@link #toString()} redacts. */
public record RegistryCredentials(String username, String password) {
    public RegistryCredentials {
        if (username == null || password == null) {
            throw new IllegalArgumentException("registry credentials need a username and a password");
        }
    }

    String basicAuthorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=<redacted>]";
    }
}
