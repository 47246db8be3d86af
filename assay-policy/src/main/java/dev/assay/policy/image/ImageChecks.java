package dev.assay.policy.image;

import dev.assay.policy.Check;
import java.util.ArrayList;
import java.util.List;

/** The pure checks an image policy asks for; the registry-dependent ones run in the engine. */
public final class ImageChecks {
    private ImageChecks() {}

    public static List<Check<PodImages>> of(ImagePolicySpec spec) {
        List<Check<PodImages>> checks = new ArrayList<>();
        checks.add(new ValidReferenceCheck());
        if (!spec.allowedRegistries().isEmpty()) {
            checks.add(new AllowedRegistriesCheck(spec.allowedRegistries()));
        }
        if (spec.requireDigest()) {
            checks.add(new RequireDigestCheck());
        }
        if (spec.disallowLatest()) {
            checks.add(new DisallowLatestCheck());
        }
        return List.copyOf(checks);
    }
}
