package dev.assay.oci;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * One image, resolved to a single platform, whose layers can be read. Obtained from {@link OciLayout},
 * {@link DockerArchive} or {@link RegistryClient}; close it to release temporary files and connections.
 */
public final class ContainerImage implements Closeable {
    private final String source;
    private final Optional<ImageReference> reference;
    private final Optional<Digest> manifestDigest;
    private final Digest configDigest;
    private final ImageConfig config;
    private final List<ImageLayer> layers;
    private final List<String> tags;
    private final BlobAccess blobs;
    private final Closeable resources;

    ContainerImage(
            String source,
            Optional<ImageReference> reference,
            Optional<Digest> manifestDigest,
            Digest configDigest,
            ImageConfig config,
            List<ImageLayer> layers,
            List<String> tags,
            BlobAccess blobs,
            Closeable resources) {
        this.source = source;
        this.reference = reference;
        this.manifestDigest = manifestDigest;
        this.configDigest = configDigest;
        this.config = config;
        this.layers = List.copyOf(layers);
        this.tags = List.copyOf(tags);
        this.blobs = blobs;
        this.resources = resources;
    }

    /** Where the image came from, as the user named it. */
    public String source() {
        return source;
    }

    /**
     * The image's name: the registry reference it was pulled by, or the first tag a local archive or
     * layout carries; empty for an untagged local image.
     */
    public Optional<ImageReference> reference() {
        return reference;
    }

    /**
     * Digest of the platform manifest; empty only for legacy {@code docker save} archives, which carry no
     * manifest, only the config.
     */
    public Optional<Digest> manifestDigest() {
        return manifestDigest;
    }

    /** Digest of the image config: the image ID docker shows. */
    public Digest configDigest() {
        return configDigest;
    }

    public ImageConfig config() {
        return config;
    }

    public List<ImageLayer> layers() {
        return layers;
    }

    /** Tags as full references ({@code docker.io/library/alpine:3.20}), or bare names when not parseable. */
    public List<String> tags() {
        return tags;
    }

    /** The raw layer blob, verified against its digest and size as it is read. */
    public InputStream openLayer(ImageLayer layer, ImageProgress progress) throws IOException {
        return blobs.open(
                layer.blob(),
                "layer " + (layer.index() + 1) + "/" + layers.size() + " "
                        + layer.blob().digest(),
                progress);
    }

    @Override
    public void close() throws IOException {
        resources.close();
    }

    static List<ImageLayer> layers(ManifestDocument.Manifest manifest, ImageConfig config, String where) {
        if (manifest.layers().size() != config.diffIds().size()) {
            throw new dev.assay.model.InvalidInputException(
                    where + ": the manifest lists " + manifest.layers().size() + " layers but the config has "
                            + config.diffIds().size() + " diff_ids",
                    where);
        }
        java.util.ArrayList<ImageLayer> layers = new java.util.ArrayList<>();
        for (int index = 0; index < manifest.layers().size(); index++) {
            layers.add(new ImageLayer(
                    index, manifest.layers().get(index), config.diffIds().get(index)));
        }
        return layers;
    }
}
