package dev.assay.model;

/** How two components relate. */
public enum RelationshipType {
    /** The source needs the target at build or run time. */
    DEPENDS_ON,
    /** The source physically contains the target (a jar inside a war, a package inside an image). */
    CONTAINS
}
