package dev.assay.engine;

/**
 * How to reach a registry.
 *
 * @param insecure allow plain HTTP (meant for registries on loopback)
 * @param username basic-auth user, or null for anonymous or docker-config credentials
 * @param password basic-auth password or token; never logged
 */
public record RegistryOptions(boolean insecure, String username, String password) {
    public static final RegistryOptions ANONYMOUS = new RegistryOptions(false, null, null);

    @Override
    public String toString() {
        return "RegistryOptions[insecure=" + insecure + ", username=" + username + ", password="
                + (password == null ? "none" : "<redacted>") + "]";
    }
}
