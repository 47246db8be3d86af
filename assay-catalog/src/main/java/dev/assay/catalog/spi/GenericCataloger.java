package dev.assay.catalog.spi;

import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.Location;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cataloger made of file parsers registered by glob. It stamps every component with evidence of this
 * cataloger and turns a parser failure into an {@link Unknown} for that file, keeping everything found in
 * other files: one corrupt lockfile never hides the rest of the inventory.
 */
public final class GenericCataloger implements Cataloger {
    private static final Logger LOG = LoggerFactory.getLogger(GenericCataloger.class);

    private final String id;
    private final Set<CatalogTag> tags;
    private final List<Registration> registrations;

    private GenericCataloger(String id, Set<CatalogTag> tags, List<Registration> registrations) {
        this.id = id;
        this.tags = tags;
        this.registrations = registrations;
    }

    public static GenericCataloger named(String id) {
        return new GenericCataloger(id, EnumSet.noneOf(CatalogTag.class), List.of());
    }

    public GenericCataloger tags(CatalogTag... tags) {
        EnumSet<CatalogTag> all = EnumSet.noneOf(CatalogTag.class);
        all.addAll(this.tags);
        all.addAll(List.of(tags));
        return new GenericCataloger(id, all, registrations);
    }

    public GenericCataloger parseByGlob(FileParser parser, String... globs) {
        List<Registration> all = new ArrayList<>(registrations);
        all.add(new Registration(PathPattern.anyOf(globs), parser));
        return new GenericCataloger(id, tags, List.copyOf(all));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<CatalogTag> tags() {
        return tags;
    }

    @Override
    public CatalogResult catalog(CatalogContext context, FileResolver files) {
        CatalogResult result = CatalogResult.EMPTY;
        for (Registration registration : registrations) {
            for (Location location : files.files(registration.pattern())) {
                result = result.plus(parseOne(registration.parser(), new ParseInput(id, location, files, context)));
            }
        }
        return result;
    }

    private CatalogResult parseOne(FileParser parser, ParseInput input) {
        try {
            CatalogResult parsed = parser.parse(input);
            List<Component> stamped = new ArrayList<>(parsed.components().size());
            for (Component component : parsed.components()) {
                stamped.add(stamp(component, input));
            }
            return new CatalogResult(stamped, parsed.relationships(), parsed.unknowns());
        } catch (AssayException e) {
            return failed(input, e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            return failed(input, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug on hostile input must cost one file, not the whole inventory.
            return failed(
                    input, "could not be parsed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private CatalogResult failed(ParseInput input, String reason, Throwable cause) {
        LOG.debug("{} failed on {}", id, input.location(), cause);
        return CatalogResult.unknown(new Unknown(input.location(), id, reason));
    }

    private Component stamp(Component component, ParseInput input) {
        boolean stamped = component.evidence().stream()
                .anyMatch(evidence -> evidence.catalogerId().equals(id));
        return stamped
                ? component
                : component.toBuilder().evidence(input.evidence("")).build();
    }

    private record Registration(PathPattern pattern, FileParser parser) {}
}
