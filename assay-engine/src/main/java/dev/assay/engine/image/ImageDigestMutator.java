package dev.assay.engine.image;

import dev.assay.model.InvalidInputException;
import dev.assay.oci.ImageReference;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionMutator;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.policy.image.ImageField;
import dev.assay.policy.image.ImagePolicySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mutateDigest: true}: rewrites each covered image given by tag to the digest the tag names now,
 * {@code ghcr.io/acme/app:1.2} to {@code ghcr.io/acme/app:1.2@sha256:...} (the tag stays for people to read;
 * the runtime pulls the digest). What was reviewed is then what runs, even if the tag moves afterwards.
 * Resolutions are shared with the validating policy of the same runtime and cached for the policy's
 * {@code cacheTTL}.
 *
 * <p>A tag the registry does not have is left alone for the validating policy to deny; an unreachable
 * registry is a {@link dev.assay.model.NoVerdictException} for the caller's {@link #failurePolicy()}. The
 * registry is only read, so dry-run requests are mutated like any other. Thread-safe.
 */
public final class ImageDigestMutator implements AdmissionMutator {
    private final ImagePolicySpec spec;
    private final ImagePolicyRuntime runtime;

    ImageDigestMutator(ImagePolicySpec spec, ImagePolicyRuntime runtime) {
        this.spec = spec;
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public FailurePolicy failurePolicy() {
        return spec.failurePolicy();
    }

    @Override
    public boolean appliesTo(AdmissionInput input) {
        return ReviewedImages.applies(input);
    }

    @Override
    public List<JsonPatchOperation> mutate(AdmissionInput input) {
        List<JsonPatchOperation> patch = new ArrayList<>();
        for (ImageField field : ReviewedImages.of(input, spec)) {
            if (field.reference().isEmpty() || field.pinned()) {
                continue;
            }
            ImageReference reference = field.reference().get();
            String digest;
            try {
                digest = runtime.resolve(reference, spec.cacheTtl());
            } catch (InvalidInputException e) {
                continue; // no such tag: the validating policy says so
            }
            patch.add(JsonPatchOperation.replace(field.pointer(), field.image() + "@" + digest));
        }
        return List.copyOf(patch);
    }
}
