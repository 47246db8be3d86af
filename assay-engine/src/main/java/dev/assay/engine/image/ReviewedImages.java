package dev.assay.engine.image;

import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.image.ImageField;
import dev.assay.policy.image.ImagePolicySpec;
import dev.assay.policy.image.PodImages;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which requests an image policy looks at, and which of their image fields. */
final class ReviewedImages {
    private ReviewedImages() {}

    /**
     * Creations and updates of Pods (and of the ephemeral containers subresource, through which debug
     * containers are added) and of workloads with a pod template. Other subresources (status, binding, exec)
     * cannot change what runs.
     */
    static boolean applies(AdmissionInput input) {
        if (input.operation() != AdmissionInput.Operation.CREATE
                && input.operation() != AdmissionInput.Operation.UPDATE) {
            return false;
        }
        String kind = input.kind().kind();
        if (!PodImages.hasPodSpec(kind)) {
            return false;
        }
        return input.subResource().isEmpty()
                || ("Pod".equals(kind) && "ephemeralcontainers".equals(input.subResource()));
    }

    /**
     * The image fields the policy covers. On an update only images the old object did not run are
     * reviewed: an update that leaves the images alone (scaling, a label) must not be denied because the
     * registry is down or because the policy arrived after the workload did; changing an image is reviewed
     * like a creation.
     */
    static List<ImageField> of(AdmissionInput input, ImagePolicySpec spec) {
        List<ImageField> covered =
                PodImages.of(input.object()).coveredBy(spec.images()).images();
        if (input.operation() != AdmissionInput.Operation.UPDATE
                || input.oldObject().isEmpty()) {
            return covered;
        }
        Set<String> before = PodImages.of(input.oldObject()).images().stream()
                .map(ImageField::image)
                .collect(Collectors.toSet());
        return covered.stream().filter(field -> !before.contains(field.image())).toList();
    }
}
