package dev.assay.sign.attest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenVEX predicates. The predicate type is the document's own {@code @context} (the versioned namespace,
 * as {@code vexctl attest} writes it), so a verifier can tell which OpenVEX version it reads; an
 * unversioned context is the current version, v0.2.0.
 */
public final class VexPredicates {
    public static final String CURRENT_CONTEXT = "https://openvex.dev/ns/v0.2.0";

    private static final String UNVERSIONED_CONTEXT = "https://openvex.dev/ns";
    private static final Pattern VERSIONED_CONTEXT = Pattern.compile("https://openvex\\.dev/ns/v\\d+\\.\\d+\\.\\d+");
    private static final Set<String> STATUSES = Set.of("not_affected", "affected", "fixed", "under_investigation");

    private VexPredicates() {}

    /**
     * @param name how the file is named in errors
     * @throws InvalidInputException when the document is not OpenVEX: wrong or missing {@code @context}, no
     *     statements, a statement without a vulnerability name or with an unknown status
     */
    public static Predicate of(byte[] document, String name) {
        JsonNode vex = SafeJson.read(document, name);
        if (!vex.isObject()) {
            throw new InvalidInputException(name + " is not an OpenVEX document (not a JSON object)", name);
        }
        String context = vex.path("@context").asText("");
        String type;
        if (context.equals(UNVERSIONED_CONTEXT)) {
            type = CURRENT_CONTEXT;
        } else if (VERSIONED_CONTEXT.matcher(context).matches()) {
            type = context;
        } else {
            throw new InvalidInputException(
                    name + " is not an OpenVEX document: @context is '" + context + "', expected " + CURRENT_CONTEXT,
                    name);
        }
        JsonNode statements = vex.path("statements");
        if (!statements.isArray()) {
            throw new InvalidInputException(name + ": the OpenVEX document has no 'statements' array", name);
        }
        for (int i = 0; i < statements.size(); i++) {
            JsonNode statement = statements.get(i);
            JsonNode vulnerability = statement.path("vulnerability");
            boolean named = vulnerability.isTextual()
                    ? !vulnerability.asText().isBlank()
                    : vulnerability.path("name").isTextual();
            if (!named) {
                throw new InvalidInputException(name + ": statements[" + i + "] names no vulnerability", name);
            }
            String status = statement.path("status").asText("");
            if (!STATUSES.contains(status)) {
                throw new InvalidInputException(
                        name + ": statements[" + i + "] has status '" + status + "', expected one of "
                                + "not_affected, affected, fixed, under_investigation",
                        name);
            }
        }
        return new Predicate(type, vex);
    }
}
