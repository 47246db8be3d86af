package dev.assay.policy.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a Role's or ClusterRole's {@code rules}, with its position for messages ({@code rules[2]}).
 * Absent lists are empty; a rule with {@code resourceNames} is limited to those objects.
 */
record RbacRule(
        int index,
        List<String> apiGroups,
        List<String> resources,
        List<String> verbs,
        List<String> resourceNames,
        List<String> nonResourceUrls) {
    static final String WILDCARD = "*";
    static final String CORE_GROUP = "";

    /** The rules of a Role or ClusterRole; empty for anything else. */
    static List<RbacRule> of(KubeObject role) {
        List<RbacRule> rules = new ArrayList<>();
        List<?> entries = Fields.list(role.fields(), "rules");
        for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index) instanceof Map<?, ?> entry) {
                rules.add(new RbacRule(
                        index,
                        Fields.strings(entry, "apiGroups"),
                        Fields.strings(entry, "resources"),
                        Fields.strings(entry, "verbs"),
                        Fields.strings(entry, "resourceNames"),
                        Fields.strings(entry, "nonResourceURLs")));
            }
        }
        return rules;
    }

    static boolean isRole(KubeObject object) {
        return object.is(Rbac.GROUP, "Role") || object.is(Rbac.GROUP, "ClusterRole");
    }

    String path() {
        return "rules[" + index + "]";
    }

    boolean coversCoreGroup() {
        return apiGroups.contains(CORE_GROUP) || apiGroups.contains(WILDCARD);
    }

    /** Whether the rule names {@code resource} itself; a wildcard is reported by its own check. */
    boolean namesResource(String resource) {
        return resources.contains(resource);
    }

    /** Whether the rule grants any of {@code wanted}, by name or by the wildcard verb. */
    List<String> grants(List<String> wanted) {
        if (verbs.contains(WILDCARD)) {
            return List.of(WILDCARD);
        }
        return wanted.stream().filter(verbs::contains).toList();
    }

    boolean limitedToNamedObjects() {
        return !resourceNames.isEmpty();
    }

    static String verbList(List<String> verbs) {
        return String.join(", ", verbs.stream().map(Fields::quote).toList());
    }
}
