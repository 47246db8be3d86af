package dev.assay.policy.pss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The pod metadata and pod spec a check sees, whether it came from a Pod or from a workload's pod template.
 * The loaded YAML is wrapped read-only; checks never change it.
 */
public final class PodInput {
    private final Map<?, ?> metadata;
    private final Map<?, ?> spec;
    private final List<Container> containers;

    public PodInput(Map<?, ?> metadata, Map<?, ?> spec) {
        this.metadata = Collections.unmodifiableMap(metadata == null ? Map.of() : metadata);
        this.spec = Collections.unmodifiableMap(spec == null ? Map.of() : spec);
        List<Container> all = new ArrayList<>();
        // PSA's visitContainers order, which is the order names appear in its messages.
        collect(all, "initContainers", "initContainer");
        collect(all, "containers", "container");
        collect(all, "ephemeralContainers", "ephemeralContainer");
        this.containers = List.copyOf(all);
    }

    private void collect(List<Container> into, String field, String kind) {
        for (Object item : Node.list(spec, field)) {
            if (item instanceof Map<?, ?> map) {
                into.add(new Container(kind, Node.text(map, "name"), Collections.unmodifiableMap(map)));
            }
        }
    }

    public Map<?, ?> metadata() {
        return metadata;
    }

    public Map<?, ?> spec() {
        return spec;
    }

    public List<Container> containers() {
        return containers;
    }

    Map<?, ?> annotations() {
        return Node.map(metadata, "annotations");
    }

    Object podSecurityContext(String... path) {
        String[] full = new String[path.length + 1];
        full[0] = "securityContext";
        System.arraycopy(path, 0, full, 1, path.length);
        return Node.at(spec, full);
    }

    /** PSA compares {@code spec.os.name} with {@code windows} exactly, as API validation does. */
    boolean isWindows() {
        return "windows".equals(Node.string(spec, "os", "name"));
    }

    boolean hostUsersDisabled() {
        return Node.isFalse(spec, "hostUsers");
    }
}
