package dev.assay.engine;

/** How to treat an inventory target; AUTO decides from what the target is. */
public enum TargetKind {
    AUTO,
    DIRECTORY,
    FILE,
    ROOTFS,
    OCI_LAYOUT,
    DOCKER_ARCHIVE,
    REGISTRY
}
