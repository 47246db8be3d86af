package dev.assay.catalog;

import dev.assay.catalog.source.DirectoryFileResolver;
import dev.assay.catalog.source.SingleFileResolver;
import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.SourceKind;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs one cataloger the way the engine does, for cataloger tests. */
public final class CatalogTesting {
    private CatalogTesting() {}

    public static CatalogResult catalogDirectory(Cataloger cataloger, Path directory) {
        return run(cataloger, DirectoryFileResolver.of(directory), SourceKind.DIRECTORY, Limits.DEFAULT, null);
    }

    public static CatalogResult catalogRootfs(Cataloger cataloger, Path directory, Distro distro) {
        return run(cataloger, DirectoryFileResolver.of(directory), SourceKind.ROOTFS, Limits.DEFAULT, distro);
    }

    public static CatalogResult catalogFile(Cataloger cataloger, Path file) {
        return run(cataloger, new SingleFileResolver(file), SourceKind.FILE, Limits.DEFAULT, null);
    }

    public static CatalogResult catalogDirectory(Cataloger cataloger, Path directory, Limits limits) {
        return run(cataloger, DirectoryFileResolver.of(directory), SourceKind.DIRECTORY, limits, null);
    }

    /** The merged result, as the engine would produce it (one component per purl, dangling edges dropped). */
    public static CatalogResult run(
            Cataloger cataloger,
            dev.assay.catalog.spi.FileResolver files,
            SourceKind kind,
            Limits limits,
            Distro distro) {
        Path temp;
        try {
            temp = Files.createTempDirectory("assay-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CatalogContext context = new CatalogContext(kind, limits, distro, temp);
        try {
            return Cataloging.merge(List.of(cataloger.catalog(context, files)));
        } finally {
            deleteRecursively(temp);
        }
    }

    private static void deleteRecursively(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the cataloging scratch directory " + root, e);
        }
    }

    public static List<String> purls(CatalogResult result) {
        return result.components().stream().map(Component::bomRef).sorted().toList();
    }
}
