package dev.assay.sbom;

import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.model.Tool;
import dev.assay.model.Unknown;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SBOM made ready for writing: components merged by purl and sorted, relationships deduplicated and
 * sorted, the serial number and timestamp fixed. Writers only walk this value, so every format gets the
 * same order and the same identifiers.
 *
 * <p>A component with the subject's purl is merged into the subject (a bom-ref must be unique).
 * Relationships whose ends are neither a component nor the subject cannot be expressed as a valid graph
 * in either format; they are dropped with a debug message.
 */
record PreparedSbom(
        Component subject,
        List<Component> components,
        List<Relationship> relationships,
        List<Unknown> unknowns,
        List<Tool> tools,
        Distro distro,
        SortedMap<String, String> properties,
        String serialNumber,
        Instant timestamp) {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedSbom.class);
    private static final Pattern URN_UUID =
            Pattern.compile("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static PreparedSbom of(Sbom sbom, boolean deterministic, Map<String, String> environment) {
        SbomMetadata metadata = sbom.metadata();
        Component subject = metadata == null ? null : metadata.subject();
        TreeMap<Purl, Component> byPurl = new TreeMap<>();
        for (Component component : sbom.components()) {
            byPurl.merge(component.purl(), component, Component::mergedWith);
        }
        if (subject != null && byPurl.containsKey(subject.purl())) {
            subject = subject.mergedWith(byPurl.remove(subject.purl()));
        }
        Set<Purl> known = new HashSet<>(byPurl.keySet());
        if (subject != null) {
            known.add(subject.purl());
        }
        TreeSet<Relationship> relationships = new TreeSet<>();
        int dangling = 0;
        for (Relationship relationship : sbom.relationships()) {
            if (known.contains(relationship.from()) && known.contains(relationship.to())) {
                relationships.add(relationship);
            } else {
                dangling++;
            }
        }
        if (dangling > 0) {
            LOG.debug("dropped {} relationships to or from components not in the SBOM", dangling);
        }
        List<Tool> tools = metadata == null ? List.of() : metadata.tools();
        Distro distro = metadata == null ? null : metadata.distro();
        SortedMap<String, String> properties = metadata == null ? new TreeMap<>() : metadata.properties();
        List<Unknown> unknowns = List.copyOf(new TreeSet<>(sbom.unknowns()));
        List<Component> components = List.copyOf(byPurl.values());
        List<Relationship> edges = List.copyOf(relationships);

        String serialNumber;
        Instant timestamp;
        if (deterministic) {
            String digest = contentDigest(subject, components, edges, unknowns, tools, distro, properties);
            serialNumber = "urn:uuid:" + DeterministicIds.nameBasedUuid(digest);
            timestamp = DeterministicIds.timestamp(environment);
        } else {
            String given = metadata == null ? null : metadata.serialNumber();
            serialNumber = given != null && URN_UUID.matcher(given).matches() ? given : "urn:uuid:" + UUID.randomUUID();
            Instant givenTime = metadata == null ? null : metadata.timestamp();
            timestamp = (givenTime == null ? Instant.now() : givenTime).truncatedTo(ChronoUnit.SECONDS);
        }
        return new PreparedSbom(
                subject, components, edges, unknowns, tools, distro, properties, serialNumber, timestamp);
    }

    /** The serial number's UUID part, reused for the SPDX document namespace. */
    String serialUuid() {
        return serialNumber.substring("urn:uuid:".length());
    }

    /** Relationships grouped by their source, in order. */
    Map<Purl, List<Relationship>> relationshipsFrom() {
        Map<Purl, List<Relationship>> grouped = new TreeMap<>();
        for (Relationship relationship : relationships) {
            grouped.computeIfAbsent(relationship.from(), ignored -> new ArrayList<>())
                    .add(relationship);
        }
        return grouped;
    }

    /**
     * A digest of everything an SBOM says except when it was made: records print their sorted contents,
     * and purls print canonically, so equal inventories digest equally.
     */
    private static String contentDigest(
            Component subject,
            List<Component> components,
            List<Relationship> relationships,
            List<Unknown> unknowns,
            List<Tool> tools,
            Distro distro,
            Map<String, String> properties) {
        MessageDigest digest = DeterministicIds.sha256();
        update(digest, String.valueOf(subject));
        components.forEach(component -> update(digest, component.toString()));
        relationships.forEach(relationship -> update(digest, relationship.toString()));
        unknowns.forEach(unknown -> update(digest, unknown.toString()));
        tools.forEach(tool -> update(digest, tool.toString()));
        update(digest, String.valueOf(distro));
        update(digest, properties.toString());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
