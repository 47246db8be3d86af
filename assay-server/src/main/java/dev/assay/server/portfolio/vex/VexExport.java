package dev.assay.server.portfolio.vex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.server.portfolio.findings.FindingQueries;
import dev.assay.server.portfolio.findings.FindingView;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import dev.assay.server.portfolio.store.UnableToUsePortfolioDatabaseException;
import dev.assay.server.portfolio.triage.Analysis;
import dev.assay.server.portfolio.triage.AnalysisState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;

/**
 * A project version's triage decisions as a VEX document: OpenVEX 0.2.0 or CycloneDX 1.6. One statement per
 * finding with an analysis in effect (whatever its scope), naming the version's subject as the product and
 * the vulnerable component as its subcomponent (CycloneDX: the component in {@code affects}), so that
 * {@code assay scan --vex} applied to the same inventory suppresses what the portfolio suppresses.
 *
 * <p>The document is a function of the decisions: its timestamp is the newest decision's and its id is
 * derived from its content, so exporting twice gives the same bytes.
 */
public final class VexExport {
    public static final String OPENVEX_CONTEXT = "https://openvex.dev/ns/v0.2.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PortfolioDatabase database;
    private final FindingQueries queries;
    private final Clock clock;

    public VexExport(PortfolioDatabase database, FindingQueries queries, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.clock = clock;
    }

    /** The two formats of {@code GET .../vex?format=}. */
    public enum Format {
        OPENVEX,
        CYCLONEDX;

        /** @throws InvalidInputException for anything but openvex and cyclonedx (null means openvex) */
        public static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return OPENVEX;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "openvex" -> OPENVEX;
                case "cyclonedx" -> CYCLONEDX;
                default ->
                    throw new InvalidInputException(
                            "unknown VEX format '" + value + "'; expected openvex or cyclonedx", "format");
            };
        }

        public String mediaType() {
            return this == OPENVEX ? "application/json" : "application/vnd.cyclonedx+json";
        }
    }

    /**
     * @param author the OpenVEX document author (who exports it); ignored by CycloneDX
     * @throws InvalidInputException when the project or version does not exist
     */
    public byte[] export(String project, String version, Format format, String author) {
        long versionId = queries.versionId(project, version)
                .orElseThrow(() -> new InvalidInputException(
                        "no version " + version + " of project " + project, project + "@" + version));
        List<FindingView> triaged = queries.findingsOfVersion(versionId, false).stream()
                .filter(finding -> finding.analysis() != null)
                .sorted(Comparator.comparing((FindingView finding) -> finding.vulnerability())
                        .thenComparing(finding -> finding.component().purl()))
                .toList();
        Optional<Subject> subject = subject(versionId);
        Instant timestamp = triaged.stream()
                .map(finding -> finding.analysis().at())
                .max(Comparator.naturalOrder())
                .orElse(clock.instant());
        ObjectNode document = switch (format) {
            case OPENVEX -> openVex(triaged, subject, timestamp, author);
            case CYCLONEDX -> cycloneDx(triaged, subject, timestamp, project, version);
        };
        return bytes(document);
    }

    private static ObjectNode openVex(
            List<FindingView> findings, Optional<Subject> subject, Instant timestamp, String author) {
        ArrayNode statements = JSON.createArrayNode();
        for (FindingView finding : findings) {
            Analysis analysis = finding.analysis();
            ObjectNode statement = statements.addObject();
            ObjectNode vulnerability = statement.putObject("vulnerability");
            vulnerability.put("name", finding.vulnerability());
            if (!finding.aliases().isEmpty()) {
                ArrayNode aliases = vulnerability.putArray("aliases");
                finding.aliases().forEach(aliases::add);
            }
            statement.put("timestamp", iso(analysis.at()));
            ObjectNode product = statement.putArray("products").addObject();
            if (subject.isPresent()) {
                product.put("@id", subject.get().purl());
                product.putArray("subcomponents")
                        .addObject()
                        .put("@id", finding.component().purl());
            } else {
                product.put("@id", finding.component().purl());
            }
            statement.put("status", analysis.state().wireName());
            String comment = analysis.comment();
            switch (analysis.state()) {
                case NOT_AFFECTED -> {
                    statement.put("justification", analysis.justification().wireName());
                    if (!comment.isEmpty()) {
                        statement.put("impact_statement", comment);
                    }
                }
                // OpenVEX requires an action statement for affected.
                case AFFECTED ->
                    statement.put(
                            "action_statement",
                            comment.isEmpty()
                                    ? "No remediation recorded yet; see the finding's triage history."
                                    : comment);
                case FIXED, UNDER_INVESTIGATION -> {
                    if (!comment.isEmpty()) {
                        statement.put("status_notes", comment);
                    }
                }
            }
        }
        ObjectNode header = JSON.createObjectNode();
        header.put("@context", OPENVEX_CONTEXT);
        header.put("@id", "urn:uuid:" + UUID.nameUUIDFromBytes(bytes(statements)));
        header.put("author", author == null || author.isBlank() ? "Assay portfolio server" : author);
        header.put("timestamp", iso(timestamp));
        header.put("version", 1);
        header.set("statements", statements);
        return header;
    }

    private static ObjectNode cycloneDx(
            List<FindingView> findings, Optional<Subject> subject, Instant timestamp, String project, String version) {
        ObjectNode bom = JSON.createObjectNode();
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("timestamp", iso(timestamp));
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("name", "assay");
        ObjectNode described = metadata.putObject("component");
        described.put("type", "application");
        if (subject.isPresent()) {
            described.put("bom-ref", subject.get().purl());
            described.put("name", subject.get().name());
            described.put("version", subject.get().version());
            described.put("purl", subject.get().purl());
        } else {
            described.put("bom-ref", "project:" + project + "@" + version);
            described.put("name", project);
            described.put("version", version);
        }
        Map<String, FindingView.ComponentRef> components = new LinkedHashMap<>();
        findings.forEach(finding -> components.putIfAbsent(finding.component().purl(), finding.component()));
        ArrayNode componentArray = JSON.createArrayNode();
        components.values().stream()
                .sorted(Comparator.comparing(FindingView.ComponentRef::purl))
                .forEach(component -> {
                    ObjectNode node = componentArray.addObject();
                    node.put("type", "library");
                    node.put("bom-ref", component.purl());
                    node.put("name", component.name());
                    node.put("version", component.version());
                    node.put("purl", component.purl());
                });
        ArrayNode vulnerabilities = JSON.createArrayNode();
        for (FindingView finding : findings) {
            Analysis analysis = finding.analysis();
            ObjectNode vulnerability = vulnerabilities.addObject();
            vulnerability.put("bom-ref", "finding-" + finding.id());
            vulnerability.put("id", finding.vulnerability());
            if (!finding.aliases().isEmpty()) {
                ArrayNode references = vulnerability.putArray("references");
                for (String alias : finding.aliases()) {
                    ObjectNode reference = references.addObject();
                    reference.put("id", alias);
                    reference.putObject("source").put("name", sourceOf(alias));
                }
            }
            ObjectNode node = vulnerability.putObject("analysis");
            node.put("state", cycloneDxState(analysis.state()));
            if (analysis.state() == AnalysisState.NOT_AFFECTED) {
                node.put("justification", analysis.justification().cycloneDxName());
            }
            if (!analysis.comment().isEmpty()) {
                node.put("detail", analysis.comment());
            }
            node.put("lastUpdated", iso(analysis.at()));
            vulnerability
                    .putArray("affects")
                    .addObject()
                    .put("ref", finding.component().purl());
        }
        bom.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(bytes(vulnerabilities)));
        bom.put("version", 1);
        bom.set("metadata", metadata);
        bom.set("components", componentArray);
        bom.set("vulnerabilities", vulnerabilities);
        return bom;
    }

    /** CycloneDX's analysis states for OpenVEX's statuses, as Assay's CycloneDX VEX reader maps them back. */
    static String cycloneDxState(AnalysisState state) {
        return switch (state) {
            case NOT_AFFECTED -> "not_affected";
            case AFFECTED -> "exploitable";
            case FIXED -> "resolved";
            case UNDER_INVESTIGATION -> "in_triage";
        };
    }

    private static String sourceOf(String alias) {
        String upper = alias.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CVE-")) {
            return "NVD";
        }
        if (upper.startsWith("GHSA-")) {
            return "GitHub";
        }
        return "OSV";
    }

    private Optional<Subject> subject(long versionId) {
        try {
            return database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT purl, name, pkg_version FROM components WHERE version_id = :version AND is_subject")
                            .bind("version", versionId)
                            .map((row, context) -> new Subject(
                                    row.getString("purl"), row.getString("name"), row.getString("pkg_version")))
                            .findFirst());
        } catch (JdbiException e) {
            throw new UnableToUsePortfolioDatabaseException(
                    "cannot read the subject of version " + versionId + ": " + e.getMessage(), "components", e);
        }
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
    }

    private record Subject(String purl, String name, String version) {}
}
