package dev.assay.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Tells SBOM formats apart by their content: JSON with {@code "bomFormat": "CycloneDX"} or an {@code
 * spdxVersion}, XML whose root is {@code bom} in a CycloneDX namespace. File names lie (every tool writes
 * {@code bom.json}), so they are never consulted. The content is parsed once, here, with the hardened
 * parsers, and handed to the reader.
 */
final class SbomFormatDetector {
    static final String CYCLONEDX_NAMESPACE = "http://cyclonedx.org/schema/bom/";
    private static final String EXPECTED =
            "expected CycloneDX JSON ('bomFormat': 'CycloneDX'), CycloneDX XML (a <bom> root in the "
                    + CYCLONEDX_NAMESPACE + "1.x namespace) or SPDX 2.x JSON ('spdxVersion': 'SPDX-2.3')";

    private SbomFormatDetector() {}

    /** The detected format with its parsed content. */
    sealed interface Detected {
        record CycloneDxJson(JsonNode root) implements Detected {}

        record CycloneDxXml(Document document) implements Detected {}

        record SpdxJson(JsonNode root) implements Detected {}
    }

    static Detected detect(byte[] content, String name) {
        int first = firstSignificantByte(content);
        if (first < 0) {
            throw new UnableToParseException(name + " is empty; " + EXPECTED, name);
        }
        return switch (content[first]) {
            case '{' -> json(SafeJson.read(content, name), name);
            case '<' -> xml(SafeXml.parse(content, name), name);
            default -> {
                String start = new String(
                                content,
                                first,
                                Math.min(20, content.length - first),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .strip();
                String hint = start.startsWith("SPDXVersion") ? "SPDX tag-value is not supported; " : "";
                throw new InvalidInputException(name + " is neither JSON nor XML: " + hint + EXPECTED, name);
            }
        };
    }

    private static Detected json(JsonNode root, String name) {
        if (!root.isObject()) {
            throw new InvalidInputException(name + " is JSON but not an SBOM: " + EXPECTED, name);
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            return new Detected.CycloneDxJson(root);
        }
        String spdxVersion = root.path("spdxVersion").asText("");
        if (spdxVersion.startsWith("SPDX-2.")) {
            return new Detected.SpdxJson(root);
        }
        if (!spdxVersion.isEmpty()
                || root.has("@context") && root.path("@context").toString().contains("spdx")) {
            throw new InvalidInputException(
                    name + " is SPDX " + (spdxVersion.isEmpty() ? "3 (JSON-LD)" : spdxVersion)
                            + ", which Assay does not read; " + EXPECTED,
                    name);
        }
        throw new InvalidInputException(name + " is JSON but not an SBOM: " + EXPECTED, name);
    }

    private static Detected xml(Document document, String name) {
        Element root = document.getDocumentElement();
        String namespace = root.getNamespaceURI();
        if ("bom".equals(root.getLocalName()) && namespace != null && namespace.startsWith(CYCLONEDX_NAMESPACE)) {
            return new Detected.CycloneDxXml(document);
        }
        String hint = namespace != null && namespace.contains("spdx") ? "SPDX RDF/XML is not supported; " : "";
        throw new InvalidInputException(
                name + " is XML with root <" + root.getNodeName() + "> in namespace " + namespace + ": " + hint
                        + EXPECTED,
                name);
    }

    /** Skips a UTF-8 byte order mark and leading whitespace. */
    private static int firstSignificantByte(byte[] content) {
        int index = 0;
        if (content.length >= 3
                && (content[0] & 0xff) == 0xef
                && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf) {
            index = 3;
        }
        while (index < content.length && Character.isWhitespace(content[index])) {
            index++;
        }
        return index < content.length ? index : -1;
    }
}
