package dev.assay.model;

/** What a component is, in the CycloneDX sense. */
public enum ComponentKind {
    LIBRARY,
    APPLICATION,
    FRAMEWORK,
    OPERATING_SYSTEM,
    CONTAINER,
    FILE
}
