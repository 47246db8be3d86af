package dev.assay.engine.image;

import dev.assay.engine.ImageSignatures;
import dev.assay.engine.RegistryOptions;
import dev.assay.oci.ImageReference;
import dev.assay.oci.RegistryClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image policies of one process share: one registry client (its connections and the documents
 * it fetched by digest), the cache of tag resolutions and the cache of verdicts by image digest, and the
 * optional scanner for {@code vulnerabilities.scan}. One runtime serves every image policy and mutator
 * loaded into it; close it when they are no longer used.
 *
 * <p>Nothing here writes anywhere: the registry is only read and the caches are in memory, so reviewing a
 * dry-run request has no side effect to suppress.
 */
public final class ImagePolicyRuntime implements AutoCloseable {
    /** Enough for the distinct images of a large cluster; each entry is a few hundred bytes. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final ImageSignatures signatures;
    private final Clock clock;
    private final Optional<VulnerabilityScanner> scanner;
    private final ExpiringCache<String, String> resolutions;
    private final ExpiringCache<VerdictKey, List<DigestFinding>> verdicts;

    /** Key of a verdict: the policy instance and the image by repository and digest (signatures live per repository). */
    record VerdictKey(long policy, String imageByDigest) {}

    /**
     * @param scanner what {@code vulnerabilities.scan: true} scans with; empty makes such a policy fail to load
     */
    public ImagePolicyRuntime(
            RegistryClientOptions registry, Clock clock, int capacity, Optional<VulnerabilityScanner> scanner) {
        this(new ImageSignatures(registry), clock, capacity, scanner);
    }

    private ImagePolicyRuntime(
            ImageSignatures signatures, Clock clock, int capacity, Optional<VulnerabilityScanner> scanner) {
        this.signatures = signatures;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.resolutions = new ExpiringCache<>(capacity, clock);
        this.verdicts = new ExpiringCache<>(capacity, clock);
    }

    /** A runtime reaching registries as {@code registry} says, with the system clock and no scanner. */
    public static ImagePolicyRuntime create(RegistryOptions registry) {
        return create(registry, Optional.empty());
    }

    public static ImagePolicyRuntime create(RegistryOptions registry, Optional<VulnerabilityScanner> scanner) {
        return new ImagePolicyRuntime(new ImageSignatures(registry), Clock.systemUTC(), DEFAULT_CAPACITY, scanner);
    }

    ImageSignatures signatures() {
        return signatures;
    }

    Clock clock() {
        return clock;
    }

    Optional<VulnerabilityScanner> scanner() {
        return scanner;
    }

    /**
     * The digest a tag names now, reused for {@code ttl}.
     *
     * @throws dev.assay.model.NoVerdictException when the registry cannot be reached
     * @throws dev.assay.model.InvalidInputException when it has no such tag
     */
    String resolve(ImageReference reference, Duration ttl) {
        String key = reference.toString();
        return resolutions.get(key, ttl, () -> signatures.resolveDigest(key));
    }

    List<DigestFinding> verdict(
            VerdictKey key, Duration ttl, java.util.function.Supplier<List<DigestFinding>> compute) {
        return verdicts.get(key, ttl, compute);
    }

    /** Tag resolutions and digest verdicts together: the hit rate {@code /metrics} reports. */
    public CacheStatistics cacheStatistics() {
        return resolutions.statistics().plus(verdicts.statistics());
    }

    public CacheStatistics resolutionCacheStatistics() {
        return resolutions.statistics();
    }

    public CacheStatistics verdictCacheStatistics() {
        return verdicts.statistics();
    }

    @Override
    public void close() {
        signatures.close();
    }
}
