package dev.assay.policy.image;

import dev.assay.policy.Check;
import dev.assay.policy.Violation;
import java.util.List;

/**
 * Every image must be a reference the registry client can read: an image nobody can resolve can be
 * neither verified nor run, and a reference read one way by the policy and another by the runtime would
 * let an image past the policy.
 */
public final class ValidReferenceCheck implements Check<PodImages> {
    public static final String ID = "image-valid-reference";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Violation> check(PodImages input) {
        return input.images().stream()
                .filter(field -> field.reference().isEmpty())
                .map(field -> new Violation(
                        ID,
                        field.describe() + " at " + field.pointer()
                                + " is not a valid image reference (host[:port]/repository[:tag][@sha256:digest])"))
                .toList();
    }
}
