package dev.assay.catalog.spi;

import dev.assay.model.Component;
import dev.assay.model.Evidence;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One file handed to a {@link FileParser}, with bounded readers and the means to reach sibling files
 * (a parent pom, a go.sum next to a go.mod) through the resolver.
 */
public record ParseInput(String catalogerId, Location location, FileResolver files, CatalogContext context) {

    /** The whole file, refusing files larger than {@link dev.assay.model.untrusted.Limits#maxFileBytes()}. */
    public byte[] bytes() throws IOException {
        return bytesOf(location);
    }

    /** The file as UTF-8 text; malformed bytes become U+FFFD rather than failing the parse. */
    public String text() throws IOException {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public byte[] bytesOf(Location other) throws IOException {
        try (InputStream stream = files.open(other)) {
            return BoundedInput.readAll(stream, context.limits().maxFileBytes(), other.path());
        }
    }

    /** A stream over the file, failing once it grows past the size limit. */
    public InputStream stream() throws IOException {
        return BoundedInput.limited(files.open(location), context.limits().maxFileBytes(), location.path());
    }

    /** Evidence that this cataloger found a component in this file, with where its version came from. */
    public Evidence evidence(String versionSource) {
        return new Evidence(catalogerId, location, versionSource);
    }

    /** A component builder already carrying this file as evidence. */
    public Component.Builder component(Purl purl, String versionSource) {
        return Component.builder(purl).evidence(evidence(versionSource));
    }
}
