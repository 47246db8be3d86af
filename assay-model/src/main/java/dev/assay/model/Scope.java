package dev.assay.model;

/** Whether a component ships with the software or only helps build or test it. */
public enum Scope {
    REQUIRED,
    OPTIONAL,
    /** Development, test or build-only dependencies. */
    EXCLUDED
}
