package dev.assay.policy.image;

import dev.assay.policy.Check;
import dev.assay.policy.Violation;
import java.util.List;

/**
 * No {@code latest}: neither the tag itself nor a reference without a tag, which the runtime pulls as
 * {@code latest}. A reference pinned by digest passes whatever its tag, since the runtime pulls the digest.
 */
public final class DisallowLatestCheck implements Check<PodImages> {
    public static final String ID = "image-disallow-latest";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Violation> check(PodImages input) {
        return input.images().stream()
                .filter(field -> field.reference().isPresent() && !field.pinned())
                .filter(field -> "latest".equals(field.reference().get().tag()))
                .map(field -> new Violation(
                        ID,
                        field.describe() + " at " + field.pointer()
                                + (explicitTag(field.image())
                                        ? " uses the tag latest"
                                        : " names no tag, so the runtime pulls latest")
                                + "; name a version tag or pin a digest"))
                .toList();
    }

    private static boolean explicitTag(String image) {
        int slash = image.lastIndexOf('/');
        return image.lastIndexOf(':') > slash;
    }
}
