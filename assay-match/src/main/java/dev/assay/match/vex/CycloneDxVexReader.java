package dev.assay.match.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.InvalidPurlException;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.VexStatus;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeXml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the {@code vulnerabilities} of a CycloneDX 1.4-1.6 document (JSON or XML) as VEX statements.
 *
 * <p>Analysis states map to VEX statuses: {@code not_affected} and {@code false_positive} to not affected
 * (a false positive keeps {@code false_positive} as its justification), {@code resolved} and {@code
 * resolved_with_pedigree} to fixed, {@code exploitable} to affected, {@code in_triage} to under
 * investigation. A vulnerability without an analysis state is not a VEX statement and is skipped.
 *
 * <p>{@code affects[].ref} is resolved to a package url: a BOM-Link ({@code urn:cdx:serial/version#ref}) by
 * its fragment, then through the bom-refs of this document's own components (their purl, or for a component
 * without one the {@code pkg:generic/group/name@version} that Assay's SBOM reader gives it), else as a purl
 * itself (Assay SBOMs use purls as bom-refs). The serial number of a BOM-Link is not compared: the statement
 * is applied to the inventory being scanned, and a purl fragment already names the exact package version.
 *
 * <p>{@code affects[].versions[]} narrows a statement to some versions of the product. Only the entries whose
 * own status agrees with the analysis are kept ({@code unaffected} for not affected and fixed, {@code
 * affected} for affected); an entry without a status counts for any analysis. A product whose every entry
 * disagrees is dropped, never widened to all versions.
 */
public final class CycloneDxVexReader {
    private CycloneDxVexReader() {}

    /**
     * @throws dev.assay.model.UnableToParseException when the content is neither well-formed JSON nor XML
     * @throws InvalidInputException when it is not a CycloneDX document
     */
    public static VexDocument read(byte[] content, String name) {
        if (VexDocuments.looksLikeXml(content)) {
            return readXml(SafeXml.parse(content, name), name);
        }
        return readJson(SafeJson.read(content, name), name);
    }

    static boolean isCycloneDx(JsonNode root) {
        return "CycloneDX".equals(root.path("bomFormat").asText(""));
    }

    static VexDocument readJson(JsonNode root, String name) {
        if (!root.isObject() || !isCycloneDx(root)) {
            throw new InvalidInputException(name + " is not a CycloneDX document (no bomFormat CycloneDX)", name);
        }
        List<RawComponent> components = new ArrayList<>();
        JsonNode metadata = root.path("metadata");
        collectJson(metadata.path("component"), components, 0);
        for (JsonNode component : root.path("components")) {
            collectJson(component, components, 0);
        }
        List<RawVulnerability> vulnerabilities = new ArrayList<>();
        for (JsonNode vulnerability : root.path("vulnerabilities")) {
            if (!vulnerability.isObject()) {
                continue;
            }
            List<String> references = new ArrayList<>();
            for (JsonNode reference : vulnerability.path("references")) {
                addIfPresent(references, text(reference, "id"));
            }
            JsonNode analysis = vulnerability.path("analysis");
            List<String> responses = new ArrayList<>();
            for (JsonNode response : analysis.path("response")) {
                addIfPresent(responses, response.isTextual() ? response.asText() : null);
            }
            List<RawAffect> affects = new ArrayList<>();
            for (JsonNode affect : vulnerability.path("affects")) {
                List<RawVersion> versions = new ArrayList<>();
                for (JsonNode version : affect.path("versions")) {
                    versions.add(
                            new RawVersion(text(version, "version"), text(version, "range"), text(version, "status")));
                }
                affects.add(new RawAffect(text(affect, "ref"), versions));
            }
            vulnerabilities.add(new RawVulnerability(
                    text(vulnerability, "bom-ref"),
                    text(vulnerability, "id"),
                    references,
                    text(analysis, "state"),
                    text(analysis, "justification"),
                    responses,
                    text(analysis, "detail"),
                    firstNonNull(
                            text(analysis, "lastUpdated"),
                            text(vulnerability, "updated"),
                            text(analysis, "firstIssued"),
                            text(vulnerability, "published")),
                    affects));
        }
        return assemble(name, text(metadata, "timestamp"), components, vulnerabilities);
    }

    static VexDocument readXml(Document document, String name) {
        Element bom = document.getDocumentElement();
        if (bom == null
                || !"bom".equals(localName(bom))
                || !String.valueOf(bom.getNamespaceURI()).startsWith("http://cyclonedx.org/schema/bom")) {
            throw new InvalidInputException(name + " is not a CycloneDX document (no CycloneDX bom element)", name);
        }
        List<RawComponent> components = new ArrayList<>();
        Element metadata = child(bom, "metadata");
        if (metadata != null) {
            Element component = child(metadata, "component");
            if (component != null) {
                collectXml(component, components, 0);
            }
        }
        Element componentList = child(bom, "components");
        if (componentList != null) {
            for (Element component : children(componentList, "component")) {
                collectXml(component, components, 0);
            }
        }
        List<RawVulnerability> vulnerabilities = new ArrayList<>();
        Element vulnerabilityList = child(bom, "vulnerabilities");
        for (Element vulnerability :
                vulnerabilityList == null ? List.<Element>of() : children(vulnerabilityList, "vulnerability")) {
            List<String> references = new ArrayList<>();
            Element referenceList = child(vulnerability, "references");
            if (referenceList != null) {
                for (Element reference : children(referenceList, "reference")) {
                    addIfPresent(references, childText(reference, "id"));
                }
            }
            Element analysis = child(vulnerability, "analysis");
            List<String> responses = new ArrayList<>();
            Element responseList = analysis == null ? null : child(analysis, "responses");
            if (responseList != null) {
                for (Element response : children(responseList, "response")) {
                    addIfPresent(responses, response.getTextContent().strip());
                }
            }
            List<RawAffect> affects = new ArrayList<>();
            Element affectList = child(vulnerability, "affects");
            if (affectList != null) {
                for (Element target : children(affectList, "target")) {
                    List<RawVersion> versions = new ArrayList<>();
                    Element versionList = child(target, "versions");
                    if (versionList != null) {
                        for (Element version : children(versionList, "version")) {
                            versions.add(new RawVersion(
                                    childText(version, "version"),
                                    childText(version, "range"),
                                    childText(version, "status")));
                        }
                    }
                    affects.add(new RawAffect(childText(target, "ref"), versions));
                }
            }
            vulnerabilities.add(new RawVulnerability(
                    emptyToNull(vulnerability.getAttribute("bom-ref")),
                    childText(vulnerability, "id"),
                    references,
                    analysis == null ? null : childText(analysis, "state"),
                    analysis == null ? null : childText(analysis, "justification"),
                    responses,
                    analysis == null ? null : childText(analysis, "detail"),
                    firstNonNull(
                            analysis == null ? null : childText(analysis, "lastUpdated"),
                            childText(vulnerability, "updated"),
                            analysis == null ? null : childText(analysis, "firstIssued"),
                            childText(vulnerability, "published")),
                    affects));
        }
        return assemble(name, metadata == null ? null : childText(metadata, "timestamp"), components, vulnerabilities);
    }

    private static VexDocument assemble(
            String name,
            String documentTimestamp,
            List<RawComponent> components,
            List<RawVulnerability> vulnerabilities) {
        Map<String, RawComponent> byRef = new HashMap<>();
        for (RawComponent component : components) {
            if (component.bomRef() != null) {
                byRef.putIfAbsent(component.bomRef(), component);
            }
        }
        Instant documentTime = VexText.instant(documentTimestamp);
        List<VexStatement> statements = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int index = 0; index < vulnerabilities.size(); index++) {
            RawVulnerability vulnerability = vulnerabilities.get(index);
            String where = name + "#"
                    + (vulnerability.bomRef() != null
                            ? VexText.shorten(vulnerability.bomRef())
                            : "vulnerabilities[" + index + "]");
            if (vulnerability.id() == null) {
                warnings.add(where + " has no id");
                continue;
            }
            if (vulnerability.state() == null) {
                // A vulnerability without analysis is a plain report (a VDR entry), not a VEX claim.
                continue;
            }
            Optional<VexStatus> status = status(vulnerability.state());
            if (status.isEmpty()) {
                warnings.add(where + " has an unknown analysis state '" + VexText.shorten(vulnerability.state()) + "'");
                continue;
            }
            List<VexProduct> products = new ArrayList<>();
            for (RawAffect affect : vulnerability.affects()) {
                product(affect, status.get(), byRef, where, warnings).ifPresent(products::add);
            }
            if (products.isEmpty()) {
                warnings.add(where + " affects nothing Assay can identify; it is not applied");
            }
            Set<String> aliases = new LinkedHashSet<>(vulnerability.references());
            aliases.remove(vulnerability.id());
            String justification = vulnerability.justification();
            if (justification == null
                    && "false_positive".equals(vulnerability.state().toLowerCase(Locale.ROOT))) {
                justification = "false_positive";
            }
            Instant time = VexText.instant(vulnerability.updated());
            statements.add(new VexStatement(
                    vulnerability.id(),
                    List.copyOf(aliases),
                    products,
                    status.get(),
                    justification,
                    vulnerability.detail(),
                    String.join(", ", vulnerability.responses()),
                    time != null ? time : documentTime,
                    where));
        }
        return new VexDocument(name, VexFormat.CYCLONEDX, statements, warnings);
    }

    /** The CycloneDX analysis states, in the OpenVEX terms the model uses. */
    static Optional<VexStatus> status(String state) {
        return switch (state.strip().toLowerCase(Locale.ROOT)) {
            case "not_affected", "false_positive" -> Optional.of(VexStatus.NOT_AFFECTED);
            case "resolved", "resolved_with_pedigree" -> Optional.of(VexStatus.FIXED);
            case "exploitable" -> Optional.of(VexStatus.AFFECTED);
            case "in_triage" -> Optional.of(VexStatus.UNDER_INVESTIGATION);
            default -> Optional.empty();
        };
    }

    private static Optional<VexProduct> product(
            RawAffect affect, VexStatus status, Map<String, RawComponent> byRef, String where, List<String> warnings) {
        if (affect.ref() == null) {
            return Optional.empty();
        }
        String reference = affect.ref();
        Optional<Purl> purl = resolve(reference, byRef);
        if (purl.isEmpty()) {
            warnings.add(where + ": ref '" + VexText.shorten(reference)
                    + "' names no component of this document and is not a package url");
            return Optional.empty();
        }
        List<String> versions = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (RawVersion version : affect.versions()) {
            if (!agrees(version.status(), status)) {
                continue;
            }
            addIfPresent(versions, version.version());
            addIfPresent(ranges, version.range());
        }
        if (!affect.versions().isEmpty() && versions.isEmpty() && ranges.isEmpty()) {
            warnings.add(where + ": no version entry of ref '" + VexText.shorten(reference)
                    + "' agrees with the analysis state; it is not applied");
            return Optional.empty();
        }
        return Optional.of(new VexProduct(reference, purl.get(), versions, ranges, List.of()));
    }

    private static boolean agrees(String versionStatus, VexStatus status) {
        if (versionStatus == null) {
            return true;
        }
        String normalized = versionStatus.strip().toLowerCase(Locale.ROOT);
        return switch (status) {
            case NOT_AFFECTED, FIXED -> normalized.equals("unaffected");
            case AFFECTED -> normalized.equals("affected");
            case UNDER_INVESTIGATION -> normalized.equals("affected") || normalized.equals("unknown");
        };
    }

    static Optional<Purl> resolve(String reference, Map<String, RawComponent> byRef) {
        String local = reference;
        if (reference.startsWith("urn:cdx:")) {
            int hash = reference.indexOf('#');
            if (hash < 0) {
                // A BOM-Link to a whole BOM names no component.
                return Optional.empty();
            }
            local = reference.substring(hash + 1);
        }
        RawComponent component = byRef.get(local);
        if (component != null) {
            Optional<Purl> own = VexText.purl(component.purl());
            if (own.isPresent()) {
                return own;
            }
            if (component.name() != null) {
                return genericPurl(component);
            }
        }
        return VexText.purl(local);
    }

    /** The purl Assay's CycloneDX reader gives a component that has none, so that the two meet. */
    private static Optional<Purl> genericPurl(RawComponent component) {
        try {
            return Optional.of(Purl.of(PackageType.GENERIC, component.group(), component.name(), component.version()));
        } catch (InvalidPurlException e) {
            try {
                return Optional.of(
                        Purl.of(PackageType.GENERIC, null, component.name().replace('/', '-'), component.version()));
            } catch (InvalidPurlException second) {
                return Optional.empty();
            }
        }
    }

    private static final int MAX_COMPONENT_DEPTH = 64;

    private static void collectJson(JsonNode component, List<RawComponent> into, int depth) {
        if (!component.isObject() || depth > MAX_COMPONENT_DEPTH) {
            return;
        }
        into.add(new RawComponent(
                text(component, "bom-ref"),
                text(component, "purl"),
                text(component, "group"),
                text(component, "name"),
                text(component, "version")));
        for (JsonNode child : component.path("components")) {
            collectJson(child, into, depth + 1);
        }
    }

    private static void collectXml(Element component, List<RawComponent> into, int depth) {
        if (depth > MAX_COMPONENT_DEPTH) {
            return;
        }
        into.add(new RawComponent(
                emptyToNull(component.getAttribute("bom-ref")),
                childText(component, "purl"),
                childText(component, "group"),
                childText(component, "name"),
                childText(component, "version")));
        Element nested = child(component, "components");
        if (nested != null) {
            for (Element child : children(nested, "component")) {
                collectXml(child, into, depth + 1);
            }
        }
    }

    record RawComponent(String bomRef, String purl, String group, String name, String version) {}

    private record RawVersion(String version, String range, String status) {}

    private record RawAffect(String ref, List<RawVersion> versions) {}

    private record RawVulnerability(
            String bomRef,
            String id,
            List<String> references,
            String state,
            String justification,
            List<String> responses,
            String detail,
            String updated,
            List<RawAffect> affects) {}

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank() && value.length() <= VexText.MAX_REFERENCE_LENGTH) {
            list.add(value.strip());
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                children.add(element);
            }
        }
        return children;
    }

    private static String childText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : emptyToNull(child.getTextContent());
    }
}
