package dev.assay.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scan: an inventory target (anything {@code assay sbom} reads, or an SBOM document), the VEX
 * documents to apply and whether findings without a published fix are left out.
 */
public record ScanRequest(InventoryRequest inventory, List<Path> vexFiles, boolean ignoreUnfixed) {
    public ScanRequest {
        Objects.requireNonNull(inventory, "inventory");
        vexFiles = List.copyOf(vexFiles);
    }
}
