package dev.assay.oci;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the artifacts of one repository: manifests by tag or digest, blobs (monolithic upload),
 * and referrers (OCI distribution spec 1.1), through the referrers API where the registry has one and
 * through the referrers tag schema ({@code sha256-<hex>} holding an image index) where it does not.
 *
 * <p>Everything read is bounded (manifests and indexes at {@link ManifestDocument#MAX_BYTES}, blobs at
 * the caller's limit) and checked against its digest. Requests may run concurrently (verification reads
 * the tag and referrer routes at once); the only shared state is the authorization, written atomically.
 */
public final class RegistryRepository {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRepository.class);
    private static final int MAX_REFERRER_PAGES = 16;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistrySession session;
    private final ReferrersSupport referrersSupport;
    private final ContentCache cache;

    RegistryRepository(RegistrySession session, ReferrersSupport referrersSupport, ContentCache cache) {
        this.session = session;
        this.referrersSupport = referrersSupport;
        this.cache = cache;
    }

    public ImageReference reference() {
        return session.reference();
    }

    /**
     * The manifest the reference names (its digest when it has one, else its tag), as a descriptor of the
     * exact bytes served: what signatures are made over and checked against.
     *
     * @throws InvalidInputException when there is no such manifest
     */
    public StoredManifest resolve() {
        ImageReference reference = session.reference();
        RegistrySession.Fetched fetched = session.fetchManifest(reference.manifestReference(), reference.digest());
        return stored(fetched);
    }

    /** The manifest a tag or digest names, or empty when the registry has none (404). */
    public Optional<StoredManifest> findManifest(String tagOrDigest) {
        if (!tagOrDigest.contains(":")) {
            return session.findManifest(tagOrDigest, null, true).map(RegistryRepository::stored);
        }
        Digest digest = Digest.parse(tagOrDigest);
        Optional<byte[]> cached = cache.get(digest);
        if (cached.isPresent()) {
            return Optional.of(new StoredManifest(
                    new Descriptor(mediaTypeOf(cached.get()), digest, cached.get().length, null, Map.of()),
                    cached.get()));
        }
        Optional<StoredManifest> found =
                session.findManifest(tagOrDigest, digest, true).map(RegistryRepository::stored);
        found.ifPresent(manifest -> cache.put(digest, manifest.content()));
        return found;
    }

    /** The media type a manifest names itself with; a cached manifest has no Content-Type to go by. */
    private static String mediaTypeOf(byte[] manifest) {
        try {
            return dev.assay.model.untrusted.SafeJson.read(manifest, "manifest")
                    .path("mediaType")
                    .asText("");
        } catch (InvalidInputException e) {
            return "";
        }
    }

    /**
     * A blob read into memory and checked against its descriptor's digest and size.
     *
     * @param maxBytes refused before any byte is read when the descriptor claims more
     */
    public byte[] blob(Descriptor descriptor, long maxBytes) {
        Optional<byte[]> cached = cache.get(descriptor.digest());
        if (cached.isPresent() && cached.get().length == descriptor.size() && descriptor.size() <= maxBytes) {
            return cached.get().clone();
        }
        byte[] content = session.readBlob(
                descriptor,
                maxBytes,
                "blob " + descriptor.digest() + " of " + reference().repositoryUrl());
        cache.put(descriptor.digest(), content.clone());
        return content;
    }

    public boolean hasBlob(Digest digest) {
        HttpResponse<InputStream> response = session.exchange(new RegistrySession.Call(
                        "HEAD", session.resolve(session.blobPath(digest)), "blob " + digest, null, null, null, Set.of())
                .passing(404));
        return response.statusCode() / 100 == 2;
    }

    /**
     * Uploads a blob unless the registry has it already: POST to open an upload, then one PUT with the
     * content and its digest (the monolithic upload of the distribution spec).
     */
    public Descriptor pushBlob(String mediaType, byte[] content) {
        Descriptor descriptor = Descriptor.of(mediaType, content);
        if (hasBlob(descriptor.digest())) {
            return descriptor;
        }
        String what =
                "upload of blob " + descriptor.digest() + " to " + reference().repositoryUrl();
        URI start = session.resolve(session.repositoryPath() + "/blobs/uploads/");
        HttpResponse<InputStream> opened =
                session.exchange(new RegistrySession.Call("POST", start, what, null, null, new byte[0], Set.of()));
        String location = opened.headers()
                .firstValue("Location")
                .orElseThrow(() -> new InvalidInputException(
                        "registry " + reference().registry() + " opened an upload without a Location",
                        reference().toString()));
        URI upload = session.resolveLocation(start, location, what);
        String digestParameter =
                "digest=" + URLEncoder.encode(descriptor.digest().toString(), StandardCharsets.UTF_8);
        URI put = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + digestParameter);
        HttpResponse<InputStream> stored = session.exchange(
                new RegistrySession.Call("PUT", put, what, null, "application/octet-stream", content, Set.of()));
        requireDigest(stored, descriptor.digest(), what);
        return descriptor;
    }

    /**
     * Pushes a manifest under a tag, or by its digest when {@code tag} is null, and returns its descriptor.
     *
     * @throws InvalidInputException when the registry rejects it, or says it stored other bytes
     */
    public Descriptor pushManifest(String tag, byte[] content, String mediaType) {
        return putManifest(tag, content, mediaType).descriptor();
    }

    private record Pushed(Descriptor descriptor, boolean subjectProcessed) {}

    private Pushed putManifest(String tag, byte[] content, String mediaType) {
        Descriptor descriptor = Descriptor.of(mediaType, content);
        String target = tag != null ? tag : descriptor.digest().toString();
        String what = "manifest " + target + " of " + reference().repositoryUrl();
        HttpResponse<InputStream> response = session.exchange(new RegistrySession.Call(
                "PUT",
                session.resolve(session.repositoryPath() + "/manifests/" + target),
                what,
                null,
                mediaType,
                content,
                Set.of()));
        requireDigest(response, descriptor.digest(), what);
        return new Pushed(
                descriptor, response.headers().firstValue("OCI-Subject").isPresent());
    }

    private void requireDigest(HttpResponse<?> response, Digest expected, String what) {
        Optional<String> claimed = response.headers().firstValue("Docker-Content-Digest");
        if (claimed.isPresent() && !claimed.get().strip().equals(expected.toString())) {
            throw new InvalidInputException(
                    "registry " + reference().registry() + " reports digest "
                            + ArtifactManifest.printable(claimed.get()) + " for the " + what + ", whose content is "
                            + expected,
                    reference().toString(),
                    "the registry altered what was pushed; do not trust this registry's copy",
                    null);
        }
    }

    /**
     * The manifests that refer to {@code subject}, optionally only those of one artifact type: from the
     * referrers API, or from the referrers tag when the registry answers 404 there (OCI distribution 1.1).
     */
    public List<Descriptor> referrers(Digest subject, String artifactType) {
        String registry = reference().apiHost();
        Optional<List<Descriptor>> fromApi =
                referrersSupport.knownAbsent(registry) ? Optional.empty() : referrersFromApi(subject, artifactType);
        if (fromApi.isEmpty()) {
            referrersSupport.markAbsent(registry);
        }
        List<Descriptor> all = fromApi.orElseGet(() -> referrersFromTag(subject));
        if (artifactType == null) {
            return all;
        }
        // Filter here too: a registry may ignore the filter (it then omits OCI-Filters-Applied).
        return all.stream()
                .filter(descriptor -> artifactType.equals(descriptor.artifactType()))
                .toList();
    }

    private Optional<List<Descriptor>> referrersFromApi(Digest subject, String artifactType) {
        String path = session.repositoryPath() + "/referrers/" + subject;
        if (artifactType != null) {
            path += "?artifactType=" + URLEncoder.encode(artifactType, StandardCharsets.UTF_8);
        }
        URI uri = session.resolve(path);
        List<Descriptor> found = new ArrayList<>();
        for (int page = 0; page < MAX_REFERRER_PAGES && uri != null; page++) {
            String what = "referrers of " + subject + " in " + reference().repositoryUrl();
            URI current = uri;
            URI[] next = new URI[1];
            Optional<List<Descriptor>> listed = session.fetchWithRetries(
                    RegistrySession.Call.get(uri, what, MediaTypes.OCI_INDEX).passing(404),
                    body -> {
                        try (InputStream input = body) {
                            return index(BoundedInput.readAll(input, ManifestDocument.MAX_BYTES, what), what);
                        }
                    },
                    headers -> next[0] = headers.firstValue("Link")
                            .flatMap(link -> nextPage(current, link, what))
                            .orElse(null));
            if (listed.isEmpty()) {
                if (page == 0) {
                    LOG.debug(
                            "{} has no referrers API; using the referrers tag",
                            reference().registry());
                    return Optional.empty();
                }
                throw new InvalidInputException(
                        "registry " + reference().registry() + " lost page " + (page + 1) + " of the " + what,
                        reference().toString());
            }
            found.addAll(listed.get());
            uri = next[0];
        }
        return Optional.of(found);
    }

    /** The next page a Link header names; only on the registry itself, never another host. */
    private Optional<URI> nextPage(URI current, String link, String what) {
        Matcher matcher = NEXT_LINK.matcher(link);
        if (!matcher.find()) {
            return Optional.empty();
        }
        URI next = session.resolveLocation(current, matcher.group(1), what);
        if (!RegistrySession.sameOrigin(current, next)) {
            throw new InvalidInputException(
                    "registry " + reference().registry() + " pages the " + what + " to another host",
                    reference().toString());
        }
        return Optional.of(next);
    }

    private List<Descriptor> referrersFromTag(Digest subject) {
        return findManifest(referrersTag(subject))
                .map(index -> index(index.content(), "referrers index " + referrersTag(subject)))
                .orElse(List.of());
    }

    private static List<Descriptor> index(byte[] content, String what) {
        ManifestDocument document = ManifestDocument.parse(content, what);
        if (!(document instanceof ManifestDocument.Index index)) {
            throw new InvalidInputException(what + " is an image manifest, not an image index", what);
        }
        return index.manifests();
    }

    /**
     * Pushes an artifact manifest that names a subject, and makes it findable as a referrer: a registry with
     * the referrers API confirms with {@code OCI-Subject}; for one without, the referrers tag's index is
     * read, extended and pushed again. Concurrent pushers to a registry without the API can lose each
     * other's entries, as with every client of the tag schema; the referrer manifest itself stays.
     */
    public Descriptor pushReferrer(ArtifactManifest manifest) {
        Descriptor subject = manifest.subjectDescriptor()
                .orElseThrow(() -> new IllegalArgumentException("a referrer needs a subject"));
        pushBlob(MediaTypes.EMPTY, ArtifactManifest.EMPTY_CONFIG);
        Pushed pushed = putManifest(null, manifest.toJsonBytes(), MediaTypes.OCI_MANIFEST);
        Descriptor entry =
                pushed.descriptor().withArtifactType(manifest.artifactType()).withAnnotations(manifest.annotations());
        if (!pushed.subjectProcessed()) {
            addToReferrersTag(subject.digest(), entry);
        }
        return entry;
    }

    private void addToReferrersTag(Digest subject, Descriptor entry) {
        List<Descriptor> entries = new ArrayList<>(referrersFromTag(subject));
        if (entries.stream().anyMatch(existing -> existing.digest().equals(entry.digest()))) {
            return;
        }
        entries.add(entry);
        pushManifest(referrersTag(subject), indexJson(entries), MediaTypes.OCI_INDEX);
    }

    /** The referrers tag schema: {@code <algorithm>-<hex>}, truncated to the 128 characters a tag may have. */
    public static String referrersTag(Digest digest) {
        String tag = digest.algorithm() + "-" + digest.hex();
        return tag.length() > 128 ? tag.substring(0, 128) : tag;
    }

    static byte[] indexJson(List<Descriptor> manifests) {
        var node = dev.assay.model.untrusted.SafeJson.mapper().createObjectNode();
        node.put("schemaVersion", 2);
        node.put("mediaType", MediaTypes.OCI_INDEX);
        var array = node.putArray("manifests");
        manifests.forEach(descriptor -> array.add(descriptor.toJson()));
        try {
            return dev.assay.model.untrusted.SafeJson.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredManifest stored(RegistrySession.Fetched fetched) {
        return new StoredManifest(
                new Descriptor(fetched.mediaType(), fetched.digest(), fetched.content().length, null, Map.of()),
                fetched.content());
    }
}
