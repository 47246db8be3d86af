package dev.assay.engine;

import dev.assay.model.untrusted.Limits;
import java.util.Objects;

/** What to inventory and how. */
public record InventoryRequest(String target, TargetKind kind, RegistryOptions registry, Limits limits) {
    public InventoryRequest {
        Objects.requireNonNull(target, "target");
        kind = kind == null ? TargetKind.AUTO : kind;
        registry = registry == null ? RegistryOptions.ANONYMOUS : registry;
        limits = limits == null ? Limits.DEFAULT : limits;
    }

    public static InventoryRequest of(String target) {
        return new InventoryRequest(target, TargetKind.AUTO, RegistryOptions.ANONYMOUS, Limits.DEFAULT);
    }
}
