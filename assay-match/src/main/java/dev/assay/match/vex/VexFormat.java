package dev.assay.match.vex;

/** The VEX formats Assay reads. */
public enum VexFormat {
    /** OpenVEX JSON, v0.0.1 and v0.2.0. */
    OPENVEX,
    /** CycloneDX 1.4-1.6 {@code vulnerabilities} with {@code analysis}, JSON or XML. */
    CYCLONEDX
}
