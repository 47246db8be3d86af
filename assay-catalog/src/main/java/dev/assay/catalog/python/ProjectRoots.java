package dev.assay.catalog.python;

import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Evidence;
import dev.assay.model.Location;
import dev.assay.model.Purl;

/** The project a lockfile belongs to, as the APPLICATION component at the top of its graph. */
final class ProjectRoots {
    private ProjectRoots() {}

    /** The root named by the {@code pyproject.toml} next to the lockfile. */
    static Component root(ParseInput input, PyprojectManifest manifest, Purl purl) {
        Location pyproject =
                Location.of(PyprojectManifest.sibling(input.location().path(), "pyproject.toml"));
        return Component.builder(purl)
                .kind(ComponentKind.APPLICATION)
                .name(manifest.name())
                .version(manifest.version())
                .evidence(new Evidence(input.catalogerId(), input.location(), ""))
                .evidence(new Evidence(
                        input.catalogerId(),
                        new Location(pyproject.path(), input.location().layerDigest()),
                        "pyproject.toml"))
                .build();
    }
}
