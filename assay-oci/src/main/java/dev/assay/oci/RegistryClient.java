package dev.assay.oci;

import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A small client for the OCI distribution API on java.net.http. {@link #pull} resolves a reference to the
 * manifest for one platform, fetches its config and streams layer blobs to disk, verifying every digest;
 * {@link #repository} reads and writes the artifacts stored beside images (signatures, attestations,
 * referrers).
 *
 * <p>Authentication follows the registry's challenge: anonymous first, then HTTP Basic or the bearer
 * token flow (the token endpoint named by {@code WWW-Authenticate}, given the basic credentials when there
 * are any). Credentials and tokens are never logged, and are never sent over plain HTTP unless the user
 * made the registry insecure, nor along a redirect to another host (blob downloads are commonly
 * redirected to a CDN). Connection failures, 5xx and 429 answers are retried with exponential backoff;
 * when the registry stays unreachable the result is a {@link NoVerdictException}, never an empty SBOM.
 */
public final class RegistryClient implements AutoCloseable {

    private final RegistryClientOptions options;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;
    private final ReferrersSupport referrersSupport = new ReferrersSupport();
    private final ContentCache cache = new ContentCache();

    public RegistryClient(RegistryClientOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "assay-registry-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Resolves a reference to one image and returns it with its config read; layers are downloaded into
     * {@code tempDirectory} as they are opened.
     *
     * @param platform the platform to select from an index, or null for linux/amd64 (or the only image)
     */
    public ContainerImage pull(
            ImageReference reference, Platform platform, Path tempDirectory, ImageProgress progress) {
        RegistrySession session = new RegistrySession(options, http, watchdog, reference, false);
        progress.phase("resolving " + reference, -1);
        RegistrySession.Fetched top = session.fetchManifest(reference.manifestReference(), reference.digest());
        ManifestDocument document = ManifestDocument.parse(top.content(), reference + " manifest");
        Descriptor topDescriptor =
                new Descriptor(top.mediaType(), top.digest(), top.content().length, null, java.util.Map.of());
        ManifestSelector selector = new ManifestSelector(session, platform, reference.toString());
        ManifestSelector.Selection selection = switch (document) {
            case ManifestDocument.Index index -> selector.select(index.manifests());
            case ManifestDocument.Manifest manifest -> {
                ImageConfig config = session.config(manifest.config());
                if (platform != null && !platform.accepts(config.platform())) {
                    throw new InvalidInputException(
                            reference + " is an image for " + config.platform() + ", not " + platform,
                            reference.toString());
                }
                yield new ManifestSelector.Selection(topDescriptor, topDescriptor, manifest, config);
            }
        };
        Digest manifestDigest = selection.descriptor().digest();
        ImageReference resolved = reference.withDigest(manifestDigest);
        BlobAccess blobs = (descriptor, name, layerProgress) -> {
            Path blob = session.download(descriptor, tempDirectory, name, layerProgress);
            return new DeletingInputStream(blob);
        };
        String tag = reference.tag() != null ? reference.repositoryUrl() + ":" + reference.tag() : null;
        return new ContainerImage(
                reference.toString(),
                Optional.of(resolved),
                Optional.of(manifestDigest),
                selection.manifest().config().digest(),
                selection.config(),
                ContainerImage.layers(selection.manifest(), selection.config(), reference.toString()),
                tag == null ? List.of() : List.of(tag),
                blobs,
                () -> {});
    }

    /**
     * A conversation with one repository for reading and writing artifacts: signatures, attestations and
     * referrers. It keeps its authorization, so the requests of one verification share one token.
     *
     * @param push whether it will write (bearer tokens are then asked for with push scope)
     */
    public RegistryRepository repository(ImageReference reference, boolean push) {
        return new RegistryRepository(
                new RegistrySession(options, http, watchdog, reference, push), referrersSupport, cache);
    }

    /**
     * Forgets the documents fetched by digest and what was learnt about registries' referrers support;
     * the next reads go to the registry (benchmarks use it to measure a verifier that has seen nothing).
     */
    public void forgetCachedContent() {
        cache.clear();
        referrersSupport.clear();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }

    /** A downloaded blob, deleted as soon as it has been read. */
    private static final class DeletingInputStream extends java.io.FilterInputStream {
        private final Path file;

        DeletingInputStream(Path file) throws IOException {
            super(new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
