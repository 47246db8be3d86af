package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A container environment variable whose name says it holds a secret ({@code DB_PASSWORD}, {@code
 * GITHUB_TOKEN}, {@code STRIPE_API_KEY}) and whose value is written in the manifest instead of coming from a
 * Secret ({@code valueFrom.secretKeyRef}). The value is never shown.
 *
 * <p>Names that only point at a secret ({@code PASSWORD_FILE}, {@code TOKEN_URL}, {@code SECRET_NAME},
 * {@code AWS_ACCESS_KEY_ID}) or tune one ({@code TOKEN_TTL}) are left alone, as are values that cannot be
 * secrets: empty, {@code true}/{@code false}, pure references to other variables ({@code $(OTHER)}), and
 * absolute file paths ({@code GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/key.json} names a mounted file).
 */
final class SecretEnvLiteralCheck extends SimpleCheck {
    private static final List<String> SECRET_WORDS = List.of(
            "PASSWORD",
            "PASSWD",
            "PASSPHRASE",
            "SECRET",
            "TOKEN",
            "API_KEY",
            "APIKEY",
            "ACCESS_KEY",
            "PRIVATE_KEY",
            "CREDENTIAL");

    private static final List<String> REFERENCE_SUFFIXES = List.of(
            "_FILE",
            "_PATH",
            "_DIR",
            "_URL",
            "_URI",
            "_ENDPOINT",
            "_HOST",
            "_PORT",
            "_NAME",
            "_REF",
            "_ID",
            "_TTL",
            "_EXPIRY",
            "_EXPIRATION",
            "_TIMEOUT",
            "_LIFETIME",
            "_LENGTH",
            "_HEADER",
            "_TYPE",
            "_ENABLED",
            "_MODE",
            "_ISSUER",
            "_AUDIENCE",
            "_SCOPE",
            "_SCOPES",
            "_VERSION",
            "_REGION",
            "_USER",
            "_USERNAME",
            "_LOCATION",
            "_PROVIDER",
            "_ALGORITHM",
            "_FORMAT",
            "_SIZE",
            "_DAYS",
            "_HOURS",
            "_MINUTES",
            "_SECONDS",
            "_INTERVAL",
            "_NAMESPACE",
            "_MOUNT");

    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/[^\\s:]*");

    private static final Pattern VARIABLE_REFERENCES = Pattern.compile("(\\$\\([A-Za-z_][A-Za-z0-9_.-]*\\)\\s*)+");

    SecretEnvLiteralCheck() {
        super(
                "secret-env-literal",
                Severity.HIGH,
                "Secret-looking environment variable has a literal value",
                "Take the value from a Secret: env[].valueFrom.secretKeyRef, or envFrom with a secretRef.");
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return PodSpecs.hasPodSpec(object);
    }

    @Override
    public List<Violation> check(KubeObject object) {
        List<Violation> violations = new ArrayList<>();
        PodSpecs.of(object).ifPresent(pod -> {
            for (PodSpecs.ContainerAt container : PodSpecs.containers(pod, true)) {
                List<?> env = Fields.list(container.fields(), "env");
                for (int index = 0; index < env.size(); index++) {
                    if (!(env.get(index) instanceof Map<?, ?> variable)) {
                        continue;
                    }
                    String name = Fields.string(variable, "name");
                    String value = Fields.string(variable, "value");
                    if (name != null && looksSecret(name) && isLiteralSecret(value)) {
                        violations.add(violation(container.describe() + " " + container.path() + ".env[" + index + "] ("
                                + name + ") has a literal value in the manifest; value not shown"));
                    }
                }
            }
        });
        return List.copyOf(violations);
    }

    static boolean looksSecret(String name) {
        String normalized = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        if (REFERENCE_SUFFIXES.stream().anyMatch(normalized::endsWith)) {
            return false;
        }
        return SECRET_WORDS.stream().anyMatch(normalized::contains);
    }

    static boolean isLiteralSecret(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String stripped = value.strip();
        return !stripped.equalsIgnoreCase("true")
                && !stripped.equalsIgnoreCase("false")
                && !VARIABLE_REFERENCES.matcher(stripped).matches()
                && !ABSOLUTE_PATH.matcher(stripped).matches();
    }
}
