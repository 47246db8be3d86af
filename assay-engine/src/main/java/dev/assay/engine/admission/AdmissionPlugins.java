package dev.assay.engine.admission;

import dev.assay.engine.admission.spi.CacheStatisticsSource;
import dev.assay.engine.admission.spi.PolicyLoader;
import dev.assay.engine.image.ImagePolicyRuntime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The policy packs the CLI and the server can load: a {@link PolicyLoader} per policy document kind, and
 * the caches they report in metrics. {@link #defaults()} is the one table of what ships, listed
 * explicitly as the catalogers are, so that what {@code --policy} accepts can be read in one place.
 */
public final class AdmissionPlugins {
    private final Map<String, PolicyLoader> loadersByKind;
    private final List<CacheStatisticsSource> caches;

    private AdmissionPlugins(Map<String, PolicyLoader> loadersByKind, List<CacheStatisticsSource> caches) {
        this.loadersByKind = Collections.unmodifiableMap(new LinkedHashMap<>(loadersByKind));
        this.caches = List.copyOf(caches);
    }

    /**
     * Every policy document kind Assay ships a loader for, and the caches behind them: CEL policies
     * ({@code kind: Policy}) and the image supply-chain pack ({@code kind: ImagePolicy}), whose registry
     * lookups go through {@code images} and whose tag resolutions and verdicts are the two caches reported
     * in metrics. Pod Security is configured by flags ({@code --pss}), not by documents.
     */
    public static AdmissionPlugins defaults(ImagePolicyRuntime images) {
        return builder()
                .loader(new CelPolicyLoader())
                .loader(new ImagePolicyLoader(images))
                .cache(CacheStatisticsSource.of(
                        "image-tag-resolution",
                        () -> images.resolutionCacheStatistics().hits(),
                        () -> images.resolutionCacheStatistics().misses()))
                .cache(CacheStatisticsSource.of(
                        "image-verification",
                        () -> images.verdictCacheStatistics().hits(),
                        () -> images.verdictCacheStatistics().misses()))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<PolicyLoader> loaderFor(String kind) {
        return Optional.ofNullable(loadersByKind.get(kind));
    }

    /** The document kinds {@code --policy} accepts, in registration order. */
    public Set<String> kinds() {
        return loadersByKind.keySet();
    }

    public List<CacheStatisticsSource> caches() {
        return caches;
    }

    public static final class Builder {
        private final Map<String, PolicyLoader> loadersByKind = new LinkedHashMap<>();
        private final List<CacheStatisticsSource> caches = new ArrayList<>();

        private Builder() {}

        /** @throws IllegalArgumentException when another loader already reads one of its kinds */
        public Builder loader(PolicyLoader loader) {
            Objects.requireNonNull(loader, "loader");
            for (String kind : loader.kinds()) {
                PolicyLoader previous = loadersByKind.putIfAbsent(kind, loader);
                if (previous != null) {
                    throw new IllegalArgumentException("two loaders for policy kind " + kind + ": "
                            + previous.getClass().getName() + " and "
                            + loader.getClass().getName());
                }
            }
            return this;
        }

        public Builder cache(CacheStatisticsSource cache) {
            caches.add(Objects.requireNonNull(cache, "cache"));
            return this;
        }

        public AdmissionPlugins build() {
            return new AdmissionPlugins(loadersByKind, caches);
        }
    }
}
