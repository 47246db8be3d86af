package dev.assay.policy.image;

import dev.assay.policy.Check;
import dev.assay.policy.Violation;
import java.util.List;

/** Images pinned by digest: a tag can be moved to other content after review, a digest cannot. */
public final class RequireDigestCheck implements Check<PodImages> {
    public static final String ID = "image-require-digest";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Violation> check(PodImages input) {
        return input.images().stream()
                .filter(field -> field.reference().isPresent() && !field.pinned())
                .map(field -> new Violation(
                        ID,
                        field.describe() + " at " + field.pointer()
                                + " is not pinned by digest (write it as repository@sha256:...)"))
                .toList();
    }
}
