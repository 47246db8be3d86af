package dev.assay.policy.hardening;

import dev.assay.policy.admission.AdmissionInput;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object as the checks see it: its API group, kind, namespace and name, and its fields
 * read-only. Field values are whatever the reader produced: text for YAML (loaded with the failsafe schema),
 * booleans and numbers for JSON; checks compare them through {@link Fields}.
 *
 * @param group the API group ({@code ""} for the core group, {@code rbac.authorization.k8s.io})
 * @param kind the kind ({@code ClusterRole})
 * @param namespace the namespace; {@code ""} for cluster-scoped objects and manifests that name none
 * @param name the object's name; {@code ""} when it has none
 * @param fields the whole object
 */
public record KubeObject(String group, String kind, String namespace, String name, Map<?, ?> fields) {
    public KubeObject {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        fields = Collections.unmodifiableMap(fields == null ? Map.of() : fields);
    }

    /** The object under review; the request's namespace wins, as the API server would put it there. */
    public static KubeObject of(AdmissionInput input) {
        String namespace = input.namespace();
        if (namespace.isEmpty()) {
            namespace = Objects.requireNonNullElse(Fields.string(input.object(), "metadata", "namespace"), "");
        }
        String name = input.name();
        if (name.isEmpty()) {
            name = Objects.requireNonNullElse(Fields.string(input.object(), "metadata", "name"), "");
        }
        return new KubeObject(input.kind().group(), input.kind().kind(), namespace, name, input.object());
    }

    public boolean is(String group, String kind) {
        return this.group.equals(group) && this.kind.equals(kind);
    }

    /** {@code ClusterRole "admin"}, {@code Deployment shop/web}: how messages name the object. */
    public String describe() {
        String shown = name.isEmpty() ? "(unnamed)" : name;
        return kind + " " + (namespace.isEmpty() ? "\"" + shown + "\"" : namespace + "/" + shown);
    }
}
