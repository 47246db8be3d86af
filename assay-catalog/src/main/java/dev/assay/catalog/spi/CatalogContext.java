package dev.assay.catalog.spi;

import dev.assay.model.Distro;
import dev.assay.model.untrusted.Limits;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What every cataloger may know about the run: the kind of source, the bounds on reading, the detected
 * distribution (so OS package purls carry it) and Assay's own temp directory, the only place a cataloger
 * may write (for example to unpack a nested archive).
 */
public record CatalogContext(SourceKind sourceKind, Limits limits, Distro distro, Path tempDirectory) {
    public CatalogContext {
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tempDirectory, "tempDirectory");
    }

    public Optional<Distro> distribution() {
        return Optional.ofNullable(distro);
    }

    public CatalogContext withDistro(Distro distro) {
        return new CatalogContext(sourceKind, limits, distro, tempDirectory);
    }
}
