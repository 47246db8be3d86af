package dev.assay.oci;

import dev.assay.model.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks an index (and nested indexes) down to the one image manifest for a platform. Entries that declare
 * their platform are chosen without fetching the others; entries that do not (common in OCI layouts) are
 * fetched and judged by their config. Attestation manifests, which BuildKit lists with platform
 * {@code unknown/unknown}, are never images.
 */
final class ManifestSelector {
    private static final int MAX_DEPTH = 4;
    private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    /** Fetches and verifies documents by descriptor. */
    interface Fetcher {
        ManifestDocument manifest(Descriptor descriptor);

        ImageConfig config(Descriptor descriptor);
    }

    /** The chosen image manifest and its config. */
    /**
     * The chosen image manifest and its config.
     *
     * @param root the entry of the outermost list the choice was made through (it carries the tag names)
     */
    record Selection(Descriptor root, Descriptor descriptor, ManifestDocument.Manifest manifest, ImageConfig config) {}

    private final Fetcher fetcher;
    private final Platform requested;
    private final String where;

    /**
     * @param requested the platform asked for, or null for the default: linux/amd64, or else the only image
     */
    ManifestSelector(Fetcher fetcher, Platform requested, String where) {
        this.fetcher = fetcher;
        this.requested = requested;
        this.where = where;
    }

    Selection select(List<Descriptor> entries) {
        return select(entries, 0, null);
    }

    Selection resolve(Descriptor descriptor) {
        return resolve(descriptor, 0, descriptor);
    }

    private Selection select(List<Descriptor> entries, int depth, Descriptor root) {
        Platform target = requested != null ? requested : Platform.LINUX_AMD64;
        List<Descriptor> usable =
                entries.stream().filter(ManifestSelector::isImage).toList();
        for (Descriptor entry : usable) {
            if (entry.platform() != null && target.accepts(entry.platform())) {
                return resolve(entry, depth, root == null ? entry : root);
            }
        }
        List<Selection> undeclared = new ArrayList<>();
        for (Descriptor entry : usable) {
            if (entry.platform() == null) {
                Selection selection = resolve(entry, depth, root == null ? entry : root);
                if (target.accepts(selection.config().platform())) {
                    return selection;
                }
                undeclared.add(selection);
            }
        }
        if (requested == null && usable.size() == 1) {
            return undeclared.isEmpty()
                    ? resolve(usable.getFirst(), depth, root == null ? usable.getFirst() : root)
                    : undeclared.getFirst();
        }
        Set<String> available = new LinkedHashSet<>();
        usable.stream()
                .filter(entry -> entry.platform() != null)
                .forEach(entry -> available.add(entry.platform().toString()));
        undeclared.forEach(
                selection -> available.add(selection.config().platform().toString()));
        throw new InvalidInputException(
                where + " has no image for platform " + target + (available.isEmpty() ? "" : "; it has " + available),
                where,
                available.isEmpty() ? "" : "choose one of them with --platform",
                null);
    }

    private Selection resolve(Descriptor descriptor, int depth, Descriptor root) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(where + ": indexes nested more than " + MAX_DEPTH + " deep", where);
        }
        ManifestDocument document = fetcher.manifest(descriptor);
        return switch (document) {
            case ManifestDocument.Index index -> select(index.manifests(), depth + 1, root);
            case ManifestDocument.Manifest manifest ->
                new Selection(root, descriptor, manifest, fetcher.config(manifest.config()));
        };
    }

    private static boolean isImage(Descriptor entry) {
        if (entry.annotation(REFERENCE_TYPE).isPresent()) {
            return false;
        }
        Platform platform = entry.platform();
        return platform == null
                || !(platform.os().equals("unknown") && platform.architecture().equals("unknown"));
    }
}
