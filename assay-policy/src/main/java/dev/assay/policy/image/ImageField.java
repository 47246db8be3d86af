package dev.assay.policy.image;

import dev.assay.oci.ImageReference;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code image} field of one container of a pod or pod template, with where it is.
 *
 * @param containerKind {@code container}, {@code initContainer} or {@code ephemeralContainer}
 * @param containerName the container's name ({@code ""} when it has none)
 * @param image the reference exactly as written
 * @param pointer the RFC 6901 JSON pointer of the field in the object, e.g. {@code /spec/containers/0/image}
 * @param reference the reference read with the grammar the registry client resolves it with; empty when
 *     it is not a valid image reference
 */
public record ImageField(
        String containerKind, String containerName, String image, String pointer, Optional<ImageReference> reference) {
    public ImageField {
        Objects.requireNonNull(containerKind, "containerKind");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(reference, "reference");
    }

    public static ImageField of(String containerKind, String containerName, String image, String pointer) {
        return new ImageField(containerKind, containerName, image, pointer, ImageReference.tryParse(image));
    }

    /** {@code container "app" image "nginx:1.25"}: how messages name the field. */
    public String describe() {
        return containerKind + " \"" + containerName + "\" image \"" + printable(image) + "\"";
    }

    /** {@code registry/repository}, what the policy's {@code images} patterns are matched against. */
    public Optional<String> repositoryName() {
        return reference.map(ImageReference::repositoryUrl);
    }

    /** Whether the runtime will pull by digest: the reference carries one, whatever its tag says. */
    public boolean pinned() {
        return reference.map(parsed -> parsed.digest() != null).orElse(false);
    }

    /** Image strings come from the object under review: keep control characters out of messages and logs. */
    static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 300 ? cleaned.substring(0, 300) + "..." : cleaned;
    }
}
