package dev.assay.sign.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.intoto.PredicateTypes;

/**
 * Vulnerability-scan predicates in cosign's shape ({@code https://cosign.sigstore.dev/attestation/vuln/v1}):
 * {@code invocation}, {@code scanner {uri, version, db {uri, version}, result}} and {@code metadata
 * {scanStartedOn, scanFinishedOn}}, with Assay's JSON scan report as the result. A document already in that
 * shape (as {@code trivy --format cosign-vuln} writes it) is carried as it is, after the same checks.
 */
public final class VulnPredicates {
    /** Where Assay comes from, for {@code scanner.uri}. */
    public static final String SCANNER_URI = "https://assay.dev";

    private VulnPredicates() {}

    /**
     * @param name how the file is named in errors
     * @throws InvalidInputException when the document is neither an Assay scan report nor a cosign
     *     vulnerability predicate
     */
    public static Predicate of(byte[] document, String name, VulnScanContext context) {
        JsonNode report = SafeJson.read(document, name);
        if (!report.isObject()) {
            throw new InvalidInputException(name + " is not a scan report (not a JSON object)", name);
        }
        if (report.path("scanner").isObject()) {
            return new Predicate(PredicateTypes.VULN, checkedCosignShape(report, name));
        }
        if (!report.path("tool").path("name").asText("").equals("Assay")
                || !report.path("schemaVersion").isTextual()
                || !report.path("findings").isArray()) {
            throw new InvalidInputException(
                    name + " is not an Assay scan report (expected the output of 'assay scan --format json')", name);
        }
        if (context.scanFinishedOn().isBefore(context.scanStartedOn())) {
            throw new InvalidInputException(
                    "the scan cannot finish (" + context.scanFinishedOn() + ") before it starts ("
                            + context.scanStartedOn() + ")",
                    name);
        }
        ObjectNode predicate = SafeJson.mapper().createObjectNode();
        ObjectNode invocation = predicate.putObject("invocation");
        invocation.putArray("parameters");
        invocation.put("uri", context.invocationUri());
        invocation.put("event_id", context.eventId());
        invocation.put("builder.id", context.builderId());
        ObjectNode scanner = predicate.putObject("scanner");
        scanner.put("uri", SCANNER_URI);
        scanner.put("version", report.path("tool").path("version").asText(""));
        ObjectNode db = scanner.putObject("db");
        // The advisory database's identity is its update time; its location is a path on the scanning machine.
        db.put("uri", "");
        db.put("version", report.path("database").path("updatedAt").asText(""));
        scanner.set("result", report);
        ObjectNode metadata = predicate.putObject("metadata");
        metadata.put("scanStartedOn", context.scanStartedOn().toString());
        metadata.put("scanFinishedOn", context.scanFinishedOn().toString());
        return new Predicate(PredicateTypes.VULN, predicate);
    }

    private static JsonNode checkedCosignShape(JsonNode predicate, String name) {
        if (!predicate.path("scanner").path("result").isObject()) {
            throw new InvalidInputException(name + ": the vulnerability predicate has no scanner.result object", name);
        }
        JsonNode metadata = predicate.path("metadata");
        if (!metadata.path("scanStartedOn").isTextual()
                || !metadata.path("scanFinishedOn").isTextual()) {
            throw new InvalidInputException(
                    name + ": the vulnerability predicate has no metadata.scanStartedOn and scanFinishedOn", name);
        }
        return predicate;
    }
}
