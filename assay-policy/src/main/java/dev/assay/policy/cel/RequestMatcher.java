package dev.assay.policy.cel;

import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.cel.PolicyDefinition.LabelSelector;
import dev.assay.policy.cel.PolicyDefinition.Match;
import dev.assay.policy.cel.PolicyDefinition.Requirement;
import dev.assay.policy.cel.PolicyDefinition.ResourceRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides from a policy's {@code match} alone, without CEL, whether the policy looks at a request. */
final class RequestMatcher {
    private RequestMatcher() {}

    /** Why the request does not match, or empty when it does. */
    static Optional<String> mismatch(Match match, AdmissionInput input) {
        List<ResourceRule> rules = match.resources().isEmpty()
                ? List.of(new ResourceRule(List.of(), List.of(), List.of(), List.of()))
                : match.resources();
        if (rules.stream().noneMatch(rule -> matches(rule, input))) {
            return Optional.of(describe(input) + " matches none of the policy's resource rules");
        }
        String namespace = input.namespace();
        if (!match.namespaces().isEmpty() && !Glob.anyMatches(match.namespaces(), namespace)) {
            return Optional.of(
                    namespace.isEmpty()
                            ? "the object has no namespace and the policy applies only to " + match.namespaces()
                            : "namespace '" + namespace + "' is not one of " + match.namespaces());
        }
        if (!namespace.isEmpty() && Glob.anyMatches(match.excludedNamespaces(), namespace)) {
            return Optional.of("namespace '" + namespace + "' is excluded");
        }
        if (!match.objectSelector().isEmpty() && !selects(match.objectSelector(), input)) {
            return Optional.of("the object's labels do not match the policy's objectSelector");
        }
        return Optional.empty();
    }

    private static boolean matches(ResourceRule rule, AdmissionInput input) {
        return matchesAny(rule.apiGroups(), input.kind().group())
                && matchesAny(rule.apiVersions(), input.kind().version())
                && matchesAny(rule.kinds(), input.kind().kind())
                && matchesAny(rule.operations(), input.operation().name());
    }

    private static boolean matchesAny(List<String> values, String actual) {
        return values.contains("*") || values.contains(actual);
    }

    /** As Kubernetes: an UPDATE matches when the new or the old object does; a DELETE looks at the old one. */
    private static boolean selects(LabelSelector selector, AdmissionInput input) {
        return (!input.object().isEmpty() && selects(selector, labels(input.object())))
                || (!input.oldObject().isEmpty() && selects(selector, labels(input.oldObject())));
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        for (Map.Entry<String, String> required : selector.matchLabels().entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : selector.matchExpressions()) {
            String value = labels.get(requirement.key());
            boolean holds = switch (requirement.operator()) {
                case In -> value != null && requirement.values().contains(value);
                case NotIn -> value == null || !requirement.values().contains(value);
                case Exists -> value != null;
                case DoesNotExist -> value == null;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(Map<String, Object> object) {
        if (object.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("labels") instanceof Map<?, ?> labels) {
            Map<String, String> strings = new java.util.HashMap<>();
            labels.forEach((key, value) -> {
                if (key instanceof String name && value != null) {
                    strings.put(name, String.valueOf(value));
                }
            });
            return strings;
        }
        return Map.of();
    }

    static String describe(AdmissionInput input) {
        String group = input.kind().group().isEmpty() ? "" : input.kind().group() + "/";
        String kind = input.kind().kind().isEmpty()
                ? "a document without kind"
                : input.kind().kind();
        return kind + " (" + group
                + (input.kind().version().isEmpty() ? "-" : input.kind().version()) + ") on " + input.operation();
    }
}
