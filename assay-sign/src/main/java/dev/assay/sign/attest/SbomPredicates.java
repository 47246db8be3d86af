package dev.assay.sign.attest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.intoto.PredicateTypes;

/**
 * SBOM predicates: a CycloneDX JSON or SPDX 2.x JSON document, recognised by the fields each format
 * requires ({@code bomFormat}, {@code spdxVersion}), carried as it is. Anything else is refused with what
 * it looks like instead, so that a wrong file is never signed as an SBOM.
 */
public final class SbomPredicates {
    private SbomPredicates() {}

    /**
     * @param name how the file is named in errors
     * @throws InvalidInputException when the bytes are not a CycloneDX JSON or SPDX 2.x JSON document
     */
    public static Predicate of(byte[] document, String name) {
        if (looksLikeXml(document)) {
            throw new InvalidInputException(
                    name + " is XML; SBOM attestations carry CycloneDX JSON or SPDX JSON",
                    name,
                    "convert it first: assay sbom convert " + name + " --format cyclonedx-json",
                    null);
        }
        JsonNode sbom = SafeJson.read(document, name);
        if (!sbom.isObject()) {
            throw new InvalidInputException(name + " is not an SBOM (not a JSON object)", name);
        }
        if (sbom.path("bomFormat").asText("").equals("CycloneDX")) {
            if (!sbom.path("specVersion").isTextual()) {
                throw new InvalidInputException(name + " says bomFormat CycloneDX but has no specVersion", name);
            }
            return new Predicate(PredicateTypes.CYCLONEDX, sbom);
        }
        String spdxVersion = sbom.path("spdxVersion").asText("");
        if (spdxVersion.startsWith("SPDX-2.")) {
            return new Predicate(PredicateTypes.SPDX, sbom);
        }
        throw new InvalidInputException(
                name + " is not a CycloneDX or SPDX 2.x JSON SBOM (" + describe(sbom) + ")", name);
    }

    private static String describe(JsonNode document) {
        if (!document.path("spdxVersion").isMissingNode()) {
            return "spdxVersion '" + document.path("spdxVersion").asText() + "'";
        }
        if (document.path("@context").asText("").contains("spdx.org/rdf/3")) {
            return "SPDX 3 JSON-LD is not accepted yet";
        }
        if (document.path("@context").asText("").startsWith("https://openvex.dev")) {
            return "it is an OpenVEX document: attest it with 'vex'";
        }
        if (document.path("tool").path("name").asText("").equals("Assay")) {
            return "it is an Assay scan report: attest it with 'vuln'";
        }
        return "no bomFormat or spdxVersion field";
    }

    private static boolean looksLikeXml(byte[] document) {
        for (byte b : document) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }
}
