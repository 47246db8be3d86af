package dev.assay.engine.admission;

import dev.assay.engine.admission.spi.LoadedPolicies;
import dev.assay.engine.admission.spi.PolicyDocument;
import dev.assay.engine.admission.spi.PolicyLoader;
import dev.assay.engine.image.ImagePolicies;
import dev.assay.engine.image.ImagePolicyRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads {@code kind: ImagePolicy} documents into the image supply-chain pack. Every policy shares one
 * runtime, so one registry client and one verification cache serve them all.
 */
final class ImagePolicyLoader implements PolicyLoader {
    private final ImagePolicyRuntime runtime;

    ImagePolicyLoader(ImagePolicyRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ImagePolicy");
    }

    @Override
    public LoadedPolicies load(PolicyDocument document) {
        String content = document.contentAtFileLines();
        Path source = Path.of(document.source());
        // Key and trusted-root files named in the policy are relative to the policy file, as users write them.
        Path baseDirectory = source.toAbsolutePath().getParent();
        ImagePolicies.Loaded loaded = ImagePolicies.parse(content, document.source(), baseDirectory, runtime);
        return new LoadedPolicies(List.copyOf(loaded.policies()), List.copyOf(loaded.mutators()));
    }
}
