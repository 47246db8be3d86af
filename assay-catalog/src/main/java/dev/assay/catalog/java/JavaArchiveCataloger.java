package dev.assay.catalog.java;

import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.AssayException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Location;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java archives (jar, war, ear and the plugin and module formats built on them) and the archives nested
 * in them ({@code BOOT-INF/lib}, {@code WEB-INF/lib}, EAR modules). Nothing is extracted to disk. An
 * archive up to 64 MiB (and {@code maxFileBytes}) is read into memory once and opened by its central
 * directory ({@link ZipDirectory}), so that only the few entries that matter are inflated; larger ones
 * are streamed. A jar in a Maven repository or Gradle cache layout takes its coordinates from its path
 * when it has no {@code pom.properties} ({@link RepositoryPath}). Either way
 * it is hashed; every archive gets its own bounds from the context's {@code Limits},
 * and a crossed bound or a corrupt zip ends that archive in an {@link Unknown}, keeping what was found.
 * An archive over {@code maxFileBytes} is still read, as a stream; the limit then applies to the entries
 * read from it (the manifest, {@code pom.properties}).
 */
public final class JavaArchiveCataloger implements Cataloger {
    public static final String ID = "java-archive-cataloger";
    static final List<String> EXTENSIONS = List.of("jar", "war", "ear", "jpi", "hpi", "par", "sar", "nar");
    private static final Logger LOG = LoggerFactory.getLogger(JavaArchiveCataloger.class);
    private static final PathPattern ARCHIVES = PathPattern.anyOf(
            EXTENSIONS.stream().map(extension -> "**/*." + extension).toArray(String[]::new));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CatalogTag> tags() {
        return EnumSet.of(CatalogTag.DIRECTORY, CatalogTag.IMAGE, CatalogTag.ECOSYSTEM_JAVA, CatalogTag.INSTALLED);
    }

    @Override
    public CatalogResult catalog(CatalogContext context, FileResolver files) {
        CatalogResult result = CatalogResult.EMPTY;
        for (Location location : files.files(ARCHIVES)) {
            result = result.plus(catalogArchive(context, files, location));
        }
        return result;
    }

    private static CatalogResult catalogArchive(CatalogContext context, FileResolver files, Location location) {
        ArchiveBudget budget = new ArchiveBudget(context.limits());
        ArchiveReader reader = new ArchiveReader(budget, () -> RepositoryPath.of(location, files));
        List<Unknown> unknowns = new ArrayList<>();
        try (InputStream stream = files.open(location)) {
            long size = files.size(location);
            if (size >= 0 && size <= ArchiveReader.inMemoryLimit(budget)) {
                reader.readInMemory(readFully(stream, (int) size, location), location, 1);
            } else {
                reader.read(stream, location, 1);
            }
        } catch (AssayException e) {
            unknowns.add(new Unknown(location, ID, e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot read {}", location, e);
            unknowns.add(new Unknown(location, ID, "corrupt or truncated archive: " + e.getMessage()));
        } catch (RuntimeException e) {
            // commons-compress may throw unchecked exceptions on malformed input; it costs this archive only.
            LOG.debug("cannot read {}", location, e);
            unknowns.add(new Unknown(
                    location, ID, "corrupt archive (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
        unknowns.addAll(reader.unknowns());
        return new CatalogResult(reader.components(), reader.relationships(), unknowns);
    }

    /** The file's bytes, read into one array of the size the resolver reported. */
    private static byte[] readFully(InputStream stream, int size, Location location) throws IOException {
        byte[] bytes = new byte[size];
        int read = stream.readNBytes(bytes, 0, size);
        if (stream.read() >= 0) {
            throw new InvalidInputException(location.path() + " grew while it was read", location.path());
        }
        return read == size ? bytes : Arrays.copyOf(bytes, read);
    }
}
