package dev.assay.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.Component;
import dev.assay.model.Finding;
import dev.assay.model.Purl;
import dev.assay.model.Rating;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.model.ScanResult;
import dev.assay.model.SuppressedFinding;
import dev.assay.model.Tool;
import dev.assay.model.VexStatus;
import dev.assay.model.Vulnerability;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomFormat;
import dev.assay.sbom.SbomWriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A CycloneDX 1.6 JSON vulnerability disclosure report: the scanned components, written exactly as {@code
 * assay sbom} writes them (the same codec, so evidence, licenses, hashes and the dependency graph are all
 * there, with bom-ref = purl), followed by one {@code vulnerabilities[]} entry per finding and per
 * suppressed finding.
 *
 * <p>Each entry names the vulnerability ({@code id}, {@code source} by id prefix: NVD, GitHub or OSV), its
 * aliases as {@code references}, its {@code ratings} (CVSS methods as CycloneDX names them, a database label
 * as {@code other}), {@code description}, {@code recommendation}, web references as {@code advisories},
 * {@code published}/{@code updated}, and {@code affects} the component's bom-ref at its version. A suppressed
 * finding adds the VEX {@code analysis}: {@code not_affected} or {@code resolved} (for {@code fixed}), with
 * the justification mapped to CycloneDX's list by {@link #justification(String)}, and the statement as
 * {@code detail}. CWEs are not in the model and are left out.
 *
 * <p>Deterministic: the serial number is a name-based UUID of the scan's content, and the timestamp is the
 * inventory's (when the scan was made) or the injected clock's.
 */
public final class CycloneDxVdrWriter implements ScanReportWriter {
    public static final String SPEC_VERSION = "1.6";

    /** Reads back only the codec's own output, which is small in depth and trusted. */
    private static final JsonFactory OWN_OUTPUT = JsonFactory.builder().build();

    private final ReportOptions options;

    public CycloneDxVdrWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String format() {
        return ScanReportFormats.CYCLONEDX_VDR;
    }

    @Override
    public String mediaType() {
        return "application/vnd.cyclonedx+json; version=" + SPEC_VERSION;
    }

    @Override
    public void write(ScanResult result, OutputStream out) throws IOException {
        ByteArrayOutputStream inventory = new ByteArrayOutputStream();
        SbomCodecs.write(
                inventory(result), SbomFormat.CYCLONEDX_JSON, new SbomWriteOptions(SPEC_VERSION, false), inventory);

        // The codec's BOM is copied token by token and the vulnerabilities appended to the same object, so
        // the components stay byte-for-byte what the SBOM writer decided and nothing is parsed into a tree.
        JsonOutput json = JsonOutput.open(out);
        json.startObject();
        try (JsonParser parser = OWN_OUTPUT.createParser(inventory.toByteArray())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the CycloneDX codec did not write a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                json.generator().writeFieldName(field);
                json.generator().copyCurrentStructure(parser);
            }
        }
        Set<String> bomRefs = new HashSet<>();
        json.startArray("vulnerabilities");
        for (Finding finding : result.findings()) {
            vulnerability(json, finding, null, bomRefs);
        }
        for (SuppressedFinding suppressed : SeverityCounts.suppressedInOrder(result)) {
            vulnerability(json, suppressed.finding(), suppressed, bomRefs);
        }
        json.endArray();
        json.endObject();
        json.finish(out);
    }

    /**
     * The scan's inventory made ready to be a VDR: every finding's component present (a bom-ref an {@code
     * affects} entry names must exist), Assay among the tools, the advisory database in the properties, and
     * a serial number and timestamp that do not depend on when the report is written.
     */
    private Sbom inventory(ScanResult result) {
        Sbom sbom = result.sbom();
        SbomMetadata metadata = sbom.metadata();
        TreeMap<Purl, Component> components = new TreeMap<>();
        for (Component component : sbom.components()) {
            components.merge(component.purl(), component, Component::mergedWith);
        }
        for (Finding finding : allFindings(result)) {
            components.putIfAbsent(finding.component().purl(), finding.component());
        }

        List<Tool> tools = new ArrayList<>(metadata == null ? List.of() : metadata.tools());
        if (tools.stream().noneMatch(tool -> "assay".equalsIgnoreCase(tool.name()))) {
            tools.add(new Tool("Assay", "assay", options.toolVersion()));
        }
        TreeMap<String, String> properties = new TreeMap<>(metadata == null ? Map.of() : metadata.properties());
        AdvisoryDatabaseSummary database = result.database();
        properties.put("assay:advisory-database:location", database.location());
        properties.put("assay:advisory-database:updated-at", JsonOutput.seconds(database.updatedAt()));
        properties.put("assay:advisory-database:snapshot", Boolean.toString(database.snapshot()));
        properties.put("assay:advisory-database:advisories", Integer.toString(database.advisories()));

        Instant timestamp = metadata != null && metadata.timestamp() != null
                ? metadata.timestamp()
                : options.clock().instant();
        SbomMetadata vdrMetadata = new SbomMetadata(
                "urn:uuid:" + serial(result, components.keySet()),
                timestamp,
                metadata == null ? null : metadata.subject(),
                tools,
                metadata == null ? null : metadata.distro(),
                properties);
        return new Sbom(vdrMetadata, List.copyOf(components.values()), sbom.relationships(), sbom.unknowns());
    }

    private static UUID serial(ScanResult result, Set<Purl> purls) {
        StringBuilder content = new StringBuilder("assay-vdr\n");
        SbomMetadata metadata = result.sbom().metadata();
        content.append(metadata == null ? "" : String.valueOf(metadata.serialNumber()))
                .append('\n');
        purls.forEach(purl -> content.append(purl).append('\n'));
        for (Finding finding : result.findings()) {
            content.append(finding.vulnerability().id())
                    .append('|')
                    .append(finding.component().purl())
                    .append('|')
                    .append(finding.severity())
                    .append('\n');
        }
        for (SuppressedFinding suppressed : SeverityCounts.suppressedInOrder(result)) {
            content.append(suppressed.finding().vulnerability().id())
                    .append('|')
                    .append(suppressed.finding().component().purl())
                    .append('|')
                    .append(suppressed.status())
                    .append('\n');
        }
        content.append(result.database().location())
                .append('|')
                .append(result.database().updatedAt())
                .append('\n');
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Finding> allFindings(ScanResult result) {
        List<Finding> all = new ArrayList<>(result.findings());
        result.suppressed().forEach(suppressed -> all.add(suppressed.finding()));
        return all;
    }

    private static void vulnerability(
            JsonOutput json, Finding finding, SuppressedFinding suppressed, Set<String> bomRefs) throws IOException {
        Vulnerability vulnerability = finding.vulnerability();
        Component component = finding.component();
        json.startObject();
        json.string("bom-ref", uniqueRef(vulnerability.id() + "|" + component.purl(), bomRefs));
        json.string("id", vulnerability.id());
        AdvisorySources.Source source = AdvisorySources.of(vulnerability.id());
        json.startObject("source");
        json.string("name", source.name());
        json.string("url", source.url());
        json.endObject();

        if (!vulnerability.aliases().isEmpty()) {
            json.startArray("references");
            for (String alias : vulnerability.aliases()) {
                AdvisorySources.Source aliasSource = AdvisorySources.of(alias);
                json.startObject();
                json.string("id", alias);
                json.startObject("source");
                json.string("name", aliasSource.name());
                json.string("url", aliasSource.url());
                json.endObject();
                json.endObject();
            }
            json.endArray();
        }

        json.startArray("ratings");
        if (vulnerability.ratings().isEmpty()) {
            json.startObject();
            json.string("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            json.string("method", "other");
            json.endObject();
        }
        for (Rating rating : vulnerability.ratings()) {
            json.startObject();
            if (!rating.source().isEmpty()) {
                json.startObject("source");
                json.string("name", rating.source());
                json.endObject();
            }
            if (rating.hasScore()) {
                json.number("score", rating.score());
            }
            json.string("severity", rating.severity().name().toLowerCase(Locale.ROOT));
            json.string("method", method(rating));
            json.optionalString("vector", rating.vector());
            json.endObject();
        }
        json.endArray();

        json.optionalString("description", vulnerability.summary());
        json.string("recommendation", recommendation(finding));
        List<String> links = vulnerability.references().stream()
                .map(AdvisorySources::webLink)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        if (!links.isEmpty()) {
            json.startArray("advisories");
            for (String link : links) {
                json.startObject();
                json.string("url", link);
                json.endObject();
            }
            json.endArray();
        }
        if (vulnerability.published() != null) {
            json.string("published", JsonOutput.seconds(vulnerability.published()));
        }
        if (vulnerability.modified() != null) {
            json.string("updated", JsonOutput.seconds(vulnerability.modified()));
        }
        if (suppressed != null) {
            analysis(json, suppressed);
        }

        json.startArray("affects");
        json.startObject();
        json.string("ref", component.bomRef());
        String version = PackageLabels.version(component);
        if (!version.isEmpty()) {
            json.startArray("versions");
            json.startObject();
            json.string("version", version);
            json.string("status", "affected");
            json.endObject();
            json.endArray();
        }
        json.endObject();
        json.endArray();

        json.startArray("properties");
        property(json, "assay:severity", finding.severity().name());
        property(json, "assay:kev", Boolean.toString(finding.kev()));
        if (finding.epss() != null) {
            property(
                    json,
                    "assay:epss:probability",
                    Double.toString(finding.epss().probability()));
            property(
                    json,
                    "assay:epss:percentile",
                    Double.toString(finding.epss().percentile()));
        }
        if (!finding.dependencyPath().isEmpty()) {
            property(
                    json,
                    "assay:dependency-path",
                    finding.dependencyPath().stream().map(Purl::toString).collect(Collectors.joining(" > ")));
        }
        json.endArray();
        json.endObject();
    }

    private static void analysis(JsonOutput json, SuppressedFinding suppressed) throws IOException {
        json.startObject("analysis");
        json.string("state", state(suppressed.status()));
        Optional<String> justification = justification(suppressed.justification());
        if (justification.isPresent()) {
            json.string("justification", justification.get());
        }
        json.string("detail", detail(suppressed, justification));
        json.endObject();
    }

    private static String detail(SuppressedFinding suppressed, Optional<String> mapped) {
        List<String> parts = new ArrayList<>();
        if (!suppressed.statement().isEmpty()) {
            parts.add(suppressed.statement());
        }
        if (!suppressed.justification().isEmpty()
                && !mapped.map(suppressed.justification()::equals).orElse(false)) {
            parts.add("VEX justification: " + suppressed.justification());
        }
        if (!suppressed.vexSource().isEmpty()) {
            parts.add("VEX source: " + suppressed.vexSource());
        }
        return parts.isEmpty() ? "VEX status: " + suppressed.status().openVexName() : String.join("\n", parts);
    }

    /** OpenVEX status to CycloneDX analysis state (the inverse of the mapping {@link VexStatus} documents). */
    static String state(VexStatus status) {
        return switch (status) {
            case NOT_AFFECTED -> "not_affected";
            case FIXED -> "resolved";
            case AFFECTED -> "exploitable";
            case UNDER_INVESTIGATION -> "in_triage";
        };
    }

    /**
     * An OpenVEX justification in CycloneDX's words, or empty when none is close enough (the original then
     * goes into {@code detail}). CycloneDX names are accepted as they are. The mapping:
     *
     * <ul>
     *   <li>{@code component_not_present}, {@code vulnerable_code_not_present}: {@code code_not_present}
     *       (CycloneDX has no component-level variant; in both the vulnerable code is not in the product)
     *   <li>{@code vulnerable_code_not_in_execute_path}: {@code code_not_reachable}
     *   <li>{@code vulnerable_code_cannot_be_controlled_by_adversary}: {@code protected_by_mitigating_control}
     *       (the product keeps attacker input away from the code; of CycloneDX's protections this is the
     *       closest, where {@code requires_environment} would claim a deployment condition OpenVEX does not)
     *   <li>{@code inline_mitigations_already_exist}: {@code protected_by_mitigating_control}
     * </ul>
     */
    static Optional<String> justification(String vexJustification) {
        String justification =
                vexJustification == null ? "" : vexJustification.strip().toLowerCase(Locale.ROOT);
        return switch (justification) {
            case "component_not_present", "vulnerable_code_not_present", "code_not_present" ->
                Optional.of("code_not_present");
            case "vulnerable_code_not_in_execute_path", "code_not_reachable" -> Optional.of("code_not_reachable");
            case "vulnerable_code_cannot_be_controlled_by_adversary",
                    "inline_mitigations_already_exist",
                    "protected_by_mitigating_control" -> Optional.of("protected_by_mitigating_control");
            case "requires_configuration",
                    "requires_dependency",
                    "requires_environment",
                    "protected_by_compiler",
                    "protected_at_runtime",
                    "protected_at_perimeter" -> Optional.of(justification);
            default -> Optional.empty();
        };
    }

    /**
     * CycloneDX's rating method: {@code CVSSv31} when the vector says 3.1, {@code CVSSv3} for 3.0 (or a
     * v3 score without a vector), {@code CVSSv2}, {@code CVSSv4}, and {@code other} for a database's label.
     */
    static String method(Rating rating) {
        return switch (rating.method()) {
            case "CVSS_V4" -> "CVSSv4";
            case "CVSS_V3" -> rating.vector().startsWith("CVSS:3.1/") ? "CVSSv31" : "CVSSv3";
            case "CVSS_V2" -> "CVSSv2";
            default -> "other";
        };
    }

    private static String recommendation(Finding finding) {
        String name = PackageLabels.name(finding.component());
        if (!finding.hasFix()) {
            return "No fixed version of " + name + " is published.";
        }
        List<String> fixed = finding.fixedVersions();
        return "Upgrade "
                + name
                + " to a fixed version: "
                + String.join(", ", fixed)
                + (fixed.size() > 1 ? " (the one in your release line, or the newest)." : ".");
    }

    private static void property(JsonOutput json, String name, String value) throws IOException {
        json.startObject();
        json.string("name", name);
        json.string("value", value);
        json.endObject();
    }

    /** bom-refs must be unique in a BOM; a repeated finding gets a numbered ref rather than a clash. */
    private static String uniqueRef(String candidate, Set<String> used) {
        String ref = candidate;
        for (int counter = 2; !used.add(ref); counter++) {
            ref = candidate + "#" + counter;
        }
        return ref;
    }
}
