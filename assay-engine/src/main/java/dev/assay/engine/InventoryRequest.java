package dev.assay.engine;

import dev.assay.model.untrusted.Limits;
import dev.assay.oci.Platform;
import java.util.Objects;

/**
 * What to inventory and how.
 *
 * @param platform which image of a multi-platform image (an index) to read; null for linux/amd64, or the
 *     only image when there is one
 */
public record InventoryRequest(
        String target, TargetKind kind, RegistryOptions registry, Limits limits, Platform platform) {
    public InventoryRequest {
        Objects.requireNonNull(target, "target");
        kind = kind == null ? TargetKind.AUTO : kind;
        registry = registry == null ? RegistryOptions.ANONYMOUS : registry;
        limits = limits == null ? Limits.DEFAULT : limits;
    }

    public InventoryRequest(String target, TargetKind kind, RegistryOptions registry, Limits limits) {
        this(target, kind, registry, limits, null);
    }

    public static InventoryRequest of(String target) {
        return new InventoryRequest(target, TargetKind.AUTO, RegistryOptions.ANONYMOUS, Limits.DEFAULT);
    }
}
