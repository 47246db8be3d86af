package dev.assay.sign.intoto;

import dev.assay.model.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short predicate type names of {@code cosign attest --type} and the predicate type URIs they stand for.
 * {@code slsaprovenance} accepts both SLSA v1 and v0.2 when verifying: users ask "is there provenance", not
 * "which schema version".
 */
public final class PredicateTypes {
    public static final String SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
    public static final String SLSA_PROVENANCE_V02 = "https://slsa.dev/provenance/v0.2";
    public static final String CYCLONEDX = "https://cyclonedx.org/bom";
    public static final String SPDX = "https://spdx.dev/Document";
    public static final String OPENVEX = "https://openvex.dev/ns";
    public static final String VULN = "https://cosign.sigstore.dev/attestation/vuln/v1";

    private static final Map<String, List<String>> BY_SHORT_NAME = shortNames();

    private PredicateTypes() {}

    private static Map<String, List<String>> shortNames() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("slsaprovenance", List.of(SLSA_PROVENANCE_V1, SLSA_PROVENANCE_V02));
        names.put("slsaprovenance1", List.of(SLSA_PROVENANCE_V1));
        names.put("slsaprovenance02", List.of(SLSA_PROVENANCE_V02));
        names.put("cyclonedx", List.of(CYCLONEDX));
        names.put("spdx", List.of(SPDX));
        names.put("spdxjson", List.of(SPDX));
        names.put("openvex", List.of(OPENVEX, "https://openvex.dev/ns/v0.2.0"));
        names.put("vuln", List.of(VULN));
        return names;
    }

    public static Set<String> shortNamesKnown() {
        return BY_SHORT_NAME.keySet();
    }

    /**
     * The predicate type URIs a {@code --type} value accepts; a value containing ':' is taken as a URI itself.
     *
     * @throws InvalidInputException for an unknown short name
     */
    public static List<String> accepted(String typeOption) {
        if (typeOption.contains(":")) {
            return List.of(typeOption);
        }
        List<String> uris = BY_SHORT_NAME.get(typeOption.toLowerCase(java.util.Locale.ROOT));
        if (uris == null) {
            throw new InvalidInputException(
                    "unknown attestation type '" + typeOption + "' (expected one of " + BY_SHORT_NAME.keySet()
                            + " or a predicate type URI)",
                    typeOption);
        }
        return uris;
    }

    /** The predicate type written for a {@code --type} value: the first (newest) it accepts. */
    public static String written(String typeOption) {
        return accepted(typeOption).get(0);
    }
}
