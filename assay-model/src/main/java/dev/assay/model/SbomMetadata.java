package dev.assay.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an SBOM describes and how it was made.
 *
 * @param serialNumber a {@code urn:uuid:} identifier; deterministic output derives it from the content
 * @param subject the scanned thing itself (a directory, a jar, an image), or null when unknown
 * @param distro the operating system of a root filesystem or image, or null
 */
public record SbomMetadata(
        String serialNumber,
        Instant timestamp,
        Component subject,
        List<Tool> tools,
        Distro distro,
        SortedMap<String, String> properties) {

    public SbomMetadata {
        tools = List.copyOf(tools);
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    }

    public Optional<Component> subjectComponent() {
        return Optional.ofNullable(subject);
    }

    public Optional<Distro> distribution() {
        return Optional.ofNullable(distro);
    }

    public SbomMetadata withSerialNumber(String serialNumber) {
        return new SbomMetadata(serialNumber, timestamp, subject, tools, distro, properties);
    }

    public SbomMetadata withTimestamp(Instant timestamp) {
        return new SbomMetadata(serialNumber, timestamp, subject, tools, distro, properties);
    }
}
