package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Secret whose values are written in the manifest: they end up in the repository, its history and every
 * clone, and base64 in {@code data} hides nothing. Only the keys are reported; the values never leave this
 * check. A Secret with empty {@code data} (a service-account token the controller fills in, a placeholder
 * an operator fills) passes.
 */
final class SecretDataCheck extends SimpleCheck {
    SecretDataCheck() {
        super(
                "secret-in-manifest",
                Severity.HIGH,
                "Secret values are committed in the manifest",
                "Keep Secret values out of manifests: use an external secret store (External Secrets, Sealed"
                        + " Secrets, SOPS) or create the Secret at deploy time.");
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return object.is("", "Secret");
    }

    /** Every Secret sent to the API server has its values in it; only a file in a repository should not. */
    @Override
    public boolean manifestOnly() {
        return true;
    }

    @Override
    public List<Violation> check(KubeObject secret) {
        TreeSet<String> keys = new TreeSet<>();
        for (String field : List.of("data", "stringData")) {
            for (Map.Entry<?, ?> entry : Fields.map(secret.fields(), field).entrySet()) {
                Object value = entry.getValue();
                if (value != null && !String.valueOf(value).isEmpty()) {
                    keys.add(String.valueOf(entry.getKey()));
                }
            }
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        String type = Fields.string(secret.fields(), "type");
        return List.of(violation("data/stringData hold " + keys.size() + (keys.size() == 1 ? " value" : " values")
                + " in the manifest, for keys "
                + String.join(", ", keys.stream().map(Fields::quote).toList())
                + (type == null ? "" : " (type " + type + ")")
                + "; values not shown"));
    }
}
