package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Restricted pods may only use volume types that do not reach node or network storage directly. Replaces
 * {@code hostPathVolumes} in restricted namespaces.
 */
public final class RestrictedVolumesCheck implements PodSecurityCheck {
    /** {@code image} joined in PSA's v1.0 rule itself, so it is allowed at every policy version. */
    private static final Set<String> ALLOWED = Set.of(
            "configMap",
            "csi",
            "downwardAPI",
            "emptyDir",
            "ephemeral",
            "image",
            "persistentVolumeClaim",
            "projected",
            "secret");

    /** PSA's order of precedence: a volume is named by the first of these it sets. */
    private static final List<String> RESTRICTED = List.of(
            "hostPath",
            "gcePersistentDisk",
            "awsElasticBlockStore",
            "gitRepo",
            "nfs",
            "iscsi",
            "glusterfs",
            "rbd",
            "flexVolume",
            "cinder",
            "cephfs",
            "flocker",
            "fc",
            "azureFile",
            "vsphereVolume",
            "quobyte",
            "azureDisk",
            "photonPersistentDisk",
            "portworxVolume",
            "scaleIO",
            "storageos");

    /** The restricted type a volume uses, or null when it is allowed. */
    static String restrictedType(Map<?, ?> volume) {
        List<String> sources = new ArrayList<>();
        for (Object key : volume.keySet()) {
            String field = String.valueOf(key);
            if (!"name".equals(field) && Node.object(volume, field) != null) {
                sources.add(field);
            }
        }
        // A volume without a source is defaulted to emptyDir by the API server before PSA sees it.
        if (sources.isEmpty() || sources.stream().anyMatch(ALLOWED::contains)) {
            return null;
        }
        return RESTRICTED.stream().filter(sources::contains).findFirst().orElse("unknown");
    }

    @Override
    public String id() {
        return "restrictedVolumes";
    }

    @Override
    public Level level() {
        return Level.RESTRICTED;
    }

    @Override
    public Set<String> overrides() {
        return Set.of("hostPathVolumes");
    }

    @Override
    public Optional<PodSecurityViolation> evaluate(PolicyVersion version, PodInput pod) {
        List<String> bad = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Object volume : Node.list(pod.spec(), "volumes")) {
            if (volume instanceof Map<?, ?> fields) {
                String type = restrictedType(fields);
                if (type != null) {
                    bad.add(Node.text(fields, "name"));
                    types.add(type);
                }
            }
        }
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        List<String> distinct = Wording.sorted(types);
        return forbidden(
                "restricted volume types",
                Wording.pluralize("volume", "volumes", bad.size()) + " " + Wording.joinQuote(bad) + " "
                        + Wording.pluralize("uses", "use", bad.size()) + " "
                        + Wording.pluralize("restricted volume type", "restricted volume types", distinct.size()) + " "
                        + Wording.joinQuote(distinct));
    }
}
