package dev.assay.oci;

import dev.assay.model.InvalidInputException;
import java.util.Locale;

/**
 * An image platform ({@code linux/amd64}, {@code linux/arm64/v8}). A platform with a null variant matches
 * any variant, so {@code linux/arm} selects {@code linux/arm/v7} when that is the only arm image.
 */
public record Platform(String os, String architecture, String variant) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    public Platform {
        if (os == null || os.isBlank() || architecture == null || architecture.isBlank()) {
            throw new InvalidInputException("a platform needs an os and an architecture", os + "/" + architecture);
        }
        os = os.toLowerCase(Locale.ROOT);
        architecture = architecture.toLowerCase(Locale.ROOT);
        variant = variant == null || variant.isBlank() ? null : variant.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code os/arch[/variant]}, as {@code docker --platform} takes it. */
    public static Platform parse(String platform) {
        String[] parts = platform.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidInputException(
                    "not a platform: " + platform, platform, "write os/architecture[/variant], e.g. linux/arm64", null);
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** Whether an image for {@code candidate} satisfies a request for this platform. */
    public boolean accepts(Platform candidate) {
        if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
            return false;
        }
        return variant == null
                || variant.equals(candidate.variant)
                || (candidate.variant == null && isDefaultVariant());
    }

    // arm64 images usually omit their "v8" variant; a request for linux/arm64/v8 must still find them.
    private boolean isDefaultVariant() {
        return architecture.equals("arm64") && "v8".equals(variant);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
