package dev.assay.sign.attest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.sign.SignedText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a vulnerability attestation reports: cosign's vuln predicate ({@link VulnPredicates}) around
 * the scanner's own report in {@code scanner.result}, which cosign leaves free-form. Three reports are
 * read: Assay's ({@code assay attest vuln}), Trivy's ({@code trivy --format cosign-vuln}) and Grype's JSON.
 * Any other is refused rather than read as "no vulnerabilities". VEX-suppressed findings of an Assay report
 * are not reported vulnerabilities.
 */
public final class VulnPredicateReader {
    /** Bound on the vulnerabilities read from one report; a real image has a few thousand at most. */
    static final int MAX_VULNERABILITIES = 200_000;

    private VulnPredicateReader() {}

    /**
     * @param scanner which report it was ({@code Assay}, {@code Trivy}, {@code Grype})
     * @param scanFinishedOn {@code metadata.scanFinishedOn}, when it is a valid timestamp
     */
    public record Report(String scanner, Optional<Instant> scanFinishedOn, List<Vulnerability> vulnerabilities) {
        public Report {
            vulnerabilities = List.copyOf(vulnerabilities);
        }

        /** The vulnerabilities at {@code threshold} or worse, worst first. */
        public List<Vulnerability> atLeast(Severity threshold) {
            return vulnerabilities.stream()
                    .filter(vulnerability -> vulnerability.severity().atLeast(threshold))
                    .sorted((left, right) -> left.severity().compareTo(right.severity()))
                    .toList();
        }
    }

    /** @param component the affected package as the report names it ({@code openssl 3.0.2}) */
    public record Vulnerability(String id, Severity severity, String component) {}

    /**
     * @param name how the attestation is named in errors
     * @throws InvalidInputException when the predicate carries no report Assay can read
     */
    public static Report read(JsonNode predicate, String name) {
        JsonNode result = predicate.path("scanner").path("result");
        if (!result.isObject()) {
            throw new InvalidInputException(name + ": the vulnerability predicate has no scanner.result object", name);
        }
        Optional<Instant> finished = instant(predicate.path("metadata").path("scanFinishedOn"));
        if (result.path("tool").path("name").asText("").equals("Assay")
                && result.path("findings").isArray()) {
            List<Vulnerability> found = new ArrayList<>();
            for (JsonNode finding : bounded(result.path("findings"), name)) {
                found.add(new Vulnerability(
                        text(finding.path("vulnerability").path("id")),
                        severity(finding.path("severity")),
                        component(
                                finding.path("component").path("name"),
                                finding.path("component").path("version"))));
            }
            return new Report("Assay", finished, found);
        }
        if (result.path("Results").isArray()) {
            List<Vulnerability> found = new ArrayList<>();
            for (JsonNode target : bounded(result.path("Results"), name)) {
                for (JsonNode vulnerability : bounded(target.path("Vulnerabilities"), name)) {
                    found.add(new Vulnerability(
                            text(vulnerability.path("VulnerabilityID")),
                            severity(vulnerability.path("Severity")),
                            component(vulnerability.path("PkgName"), vulnerability.path("InstalledVersion"))));
                    if (found.size() > MAX_VULNERABILITIES) {
                        throw tooMany(name);
                    }
                }
            }
            return new Report("Trivy", finished, found);
        }
        if (result.path("matches").isArray()) {
            List<Vulnerability> found = new ArrayList<>();
            for (JsonNode match : bounded(result.path("matches"), name)) {
                found.add(new Vulnerability(
                        text(match.path("vulnerability").path("id")),
                        severity(match.path("vulnerability").path("severity")),
                        component(
                                match.path("artifact").path("name"),
                                match.path("artifact").path("version"))));
            }
            return new Report("Grype", finished, found);
        }
        throw new InvalidInputException(
                name + ": scanner.result is not a report Assay reads (Assay's, Trivy's or Grype's JSON)", name);
    }

    private static Iterable<JsonNode> bounded(JsonNode array, String name) {
        if (array.size() > MAX_VULNERABILITIES) {
            throw tooMany(name);
        }
        return array;
    }

    private static InvalidInputException tooMany(String name) {
        return new InvalidInputException(
                name + " reports more than " + MAX_VULNERABILITIES + " vulnerabilities; not a real scan", name);
    }

    /** An unknown or missing label is UNKNOWN, which never passes a threshold on its own: the report says so. */
    private static Severity severity(JsonNode label) {
        return Severity.fromLabel(label.asText(null)).orElse(Severity.UNKNOWN);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? SignedText.printable(node.asText()) : "(no id)";
    }

    private static String component(JsonNode name, JsonNode version) {
        String component = name.isTextual() ? name.asText() : "(unnamed)";
        return SignedText.printable(version.isTextual() ? component + " " + version.asText() : component);
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(node.asText()).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
