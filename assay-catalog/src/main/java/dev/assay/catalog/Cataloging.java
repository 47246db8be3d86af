package dev.assay.catalog;

import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.FileResolver;
import dev.assay.model.Component;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the catalogers that fit a source, concurrently, and merges what they found: one component per
 * purl (evidence united), relationships only between components that exist, unknowns sorted.
 */
public final class Cataloging {
    private static final Logger LOG = LoggerFactory.getLogger(Cataloging.class);

    private final List<Cataloger> catalogers;

    public Cataloging(List<Cataloger> catalogers) {
        this.catalogers = List.copyOf(catalogers);
    }

    public static Cataloging withDefaults() {
        return new Cataloging(DefaultCatalogers.all());
    }

    public List<Cataloger> selectedFor(CatalogContext context) {
        CatalogTag wanted = context.sourceKind().installed() ? CatalogTag.IMAGE : CatalogTag.DIRECTORY;
        return catalogers.stream()
                .filter(cataloger -> cataloger.tags().contains(wanted))
                .toList();
    }

    public CatalogResult run(CatalogContext context, FileResolver files, ProgressListener progress) {
        List<Cataloger> selected = selectedFor(context);
        progress.phase("cataloging", selected.size());
        AtomicLong done = new AtomicLong();
        List<CatalogResult> results = new ArrayList<>();
        int threads = Math.max(1, Math.min(selected.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            List<Future<CatalogResult>> futures = new ArrayList<>();
            for (Cataloger cataloger : selected) {
                futures.add(executor.submit(() -> {
                    try {
                        return catalogSafely(cataloger, context, files);
                    } finally {
                        progress.advance(done.incrementAndGet());
                    }
                }));
            }
            for (Future<CatalogResult> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogingInterruptedException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cataloger failed unexpectedly", e.getCause());
        }
        return merge(results);
    }

    private static CatalogResult catalogSafely(Cataloger cataloger, CatalogContext context, FileResolver files) {
        long started = System.nanoTime();
        try {
            CatalogResult result = cataloger.catalog(context, files);
            LOG.debug(
                    "{}: {} components, {} unknowns in {} ms",
                    cataloger.id(),
                    result.components().size(),
                    result.unknowns().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (RuntimeException e) {
            // A cataloger bug costs its own results, never everyone else's.
            return CatalogResult.unknown(new Unknown(
                    Location.of("/"),
                    cataloger.id(),
                    "cataloger failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    static CatalogResult merge(List<CatalogResult> results) {
        Map<Purl, Component> components = new TreeMap<>();
        TreeSet<Relationship> relationships = new TreeSet<>();
        TreeSet<Unknown> unknowns = new TreeSet<>();
        for (CatalogResult result : results) {
            for (Component component : result.components()) {
                components.merge(component.purl(), component, Component::mergedWith);
            }
            relationships.addAll(result.relationships());
            unknowns.addAll(result.unknowns());
        }
        List<Relationship> connected = relationships.stream()
                .filter(edge -> components.containsKey(edge.from()) && components.containsKey(edge.to()))
                .filter(edge -> !edge.from().equals(edge.to()))
                .toList();
        return new CatalogResult(List.copyOf(components.values()), connected, List.copyOf(unknowns));
    }
}
