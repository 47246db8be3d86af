package dev.assay.match.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Purl;
import dev.assay.model.VexStatus;
import dev.assay.model.untrusted.SafeJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OpenVEX JSON documents, v0.2.0 and the earlier v0.0.1 layout (a vulnerability as a plain string,
 * products and subcomponents as plain purl strings). Products are identified by purl: the product's
 * {@code identifiers.purl}, else its {@code @id} when that is a purl. A product named only by a URL or a
 * hash cannot be matched against an inventory and is reported in the document's warnings.
 */
public final class OpenVexReader {
    private OpenVexReader() {}

    /**
     * @throws dev.assay.model.UnableToParseException when the content is not JSON
     * @throws InvalidInputException when it is JSON but not an OpenVEX document
     */
    public static VexDocument read(byte[] content, String name) {
        return read(SafeJson.read(content, name), name);
    }

    static boolean isOpenVex(JsonNode root) {
        JsonNode context = root.path("@context");
        return context.isTextual() && context.asText().toLowerCase(Locale.ROOT).contains("openvex");
    }

    static VexDocument read(JsonNode root, String name) {
        if (!root.isObject() || !isOpenVex(root)) {
            throw new InvalidInputException(name + " is not an OpenVEX document (no openvex @context)", name);
        }
        Instant documentTime = VexText.instant(text(root, "timestamp"));
        Instant documentUpdated = VexText.instant(text(root, "last_updated"));
        Instant fallbackTime = documentUpdated != null ? documentUpdated : documentTime;
        List<VexStatement> statements = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        JsonNode array = root.path("statements");
        for (int index = 0; index < array.size(); index++) {
            JsonNode statement = array.get(index);
            String where = name + "#statements[" + index + "]";
            if (!statement.isObject()) {
                warnings.add(where + " is not an object");
                continue;
            }
            readStatement(statement, where, fallbackTime, warnings).ifPresent(statements::add);
        }
        return new VexDocument(name, VexFormat.OPENVEX, statements, warnings);
    }

    private static Optional<VexStatement> readStatement(
            JsonNode statement, String where, Instant fallbackTime, List<String> warnings) {
        Set<String> names = vulnerabilityNames(statement.path("vulnerability"));
        if (names.isEmpty()) {
            warnings.add(where + " names no vulnerability");
            return Optional.empty();
        }
        String rawStatus = text(statement, "status");
        Optional<VexStatus> status = VexStatus.fromOpenVex(rawStatus);
        if (status.isEmpty()) {
            warnings.add(
                    where + " has an unknown status '" + VexText.shorten(rawStatus == null ? "" : rawStatus) + "'");
            return Optional.empty();
        }
        List<VexProduct> sharedSubcomponents = products(statement.path("subcomponents"), where, warnings, false);
        if (sharedSubcomponents.isEmpty() && !statement.path("subcomponents").isEmpty()) {
            warnings.add(where + " names subcomponents but none is a package url; it is not applied");
            return Optional.empty();
        }
        List<VexProduct> products = new ArrayList<>();
        for (VexProduct product : products(statement.path("products"), where, warnings, true)) {
            if (sharedSubcomponents.isEmpty()) {
                products.add(product);
            } else {
                List<VexProduct> subcomponents = new ArrayList<>(product.subcomponents());
                subcomponents.addAll(sharedSubcomponents);
                products.add(new VexProduct(
                        product.reference(), product.purl(), product.versions(), product.ranges(), subcomponents));
            }
        }
        if (products.isEmpty()) {
            warnings.add(where + " names no product Assay can identify; it is not applied");
        }
        List<String> ordered = new ArrayList<>(names);
        Instant timestamp = VexText.instant(text(statement, "last_updated"));
        if (timestamp == null) {
            timestamp = VexText.instant(text(statement, "timestamp"));
        }
        String id = text(statement, "@id");
        return Optional.of(new VexStatement(
                ordered.getFirst(),
                ordered.subList(1, ordered.size()),
                products,
                status.get(),
                text(statement, "justification"),
                text(statement, "impact_statement"),
                text(statement, "action_statement"),
                timestamp != null ? timestamp : fallbackTime,
                id != null ? id : where));
    }

    /** The name, then the aliases, then the last segment of an {@code @id} URL such as NVD's. */
    private static Set<String> vulnerabilityNames(JsonNode vulnerability) {
        Set<String> names = new LinkedHashSet<>();
        if (vulnerability.isTextual()) {
            addName(names, vulnerability.asText());
            return names;
        }
        addName(names, text(vulnerability, "name"));
        for (JsonNode alias : vulnerability.path("aliases")) {
            if (alias.isTextual()) {
                addName(names, alias.asText());
            }
        }
        String id = text(vulnerability, "@id");
        if (id != null) {
            String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
            addName(names, trimmed.substring(trimmed.lastIndexOf('/') + 1));
        }
        return names;
    }

    private static void addName(Set<String> names, String name) {
        if (name != null && !name.isBlank() && name.length() <= VexText.MAX_REFERENCE_LENGTH) {
            names.add(name.strip());
        }
    }

    private static List<VexProduct> products(
            JsonNode array, String where, List<String> warnings, boolean withSubcomponents) {
        List<VexProduct> products = new ArrayList<>();
        for (JsonNode node : array) {
            String reference;
            Optional<Purl> purl;
            List<VexProduct> subcomponents = List.of();
            if (node.isTextual()) {
                reference = node.asText();
                purl = VexText.purl(reference);
            } else if (node.isObject()) {
                String id = text(node, "@id");
                String identifier = text(node.path("identifiers"), "purl");
                reference = id != null ? id : identifier != null ? identifier : "";
                purl = VexText.purl(identifier);
                if (purl.isEmpty()) {
                    purl = VexText.purl(id);
                }
                if (withSubcomponents) {
                    subcomponents = products(node.path("subcomponents"), where, warnings, false);
                    // Dropping unreadable subcomponents would widen the statement to the whole product.
                    if (subcomponents.isEmpty() && !node.path("subcomponents").isEmpty()) {
                        warnings.add(where + ": no subcomponent of product '" + VexText.shorten(reference)
                                + "' is a package url; the product is not applied");
                        continue;
                    }
                }
            } else {
                continue;
            }
            if (purl.isEmpty()) {
                warnings.add(where + ": product '" + VexText.shorten(reference) + "' is not a package url");
                continue;
            }
            products.add(new VexProduct(reference, purl.get(), List.of(), List.of(), subcomponents));
        }
        return products;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
