package dev.assay.policy.pss;

import java.util.Map;

/** One container of a pod: which list it came from, its name and its raw fields. */
public record Container(String kind, String name, Map<?, ?> fields) {
    public String describe() {
        return kind + " \"" + name + "\"";
    }

    Object securityContext(String... path) {
        String[] full = new String[path.length + 1];
        full[0] = "securityContext";
        System.arraycopy(path, 0, full, 1, path.length);
        return Node.at(fields, full);
    }
}
