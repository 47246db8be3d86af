package dev.assay.model;

/** The program that produced an SBOM. */
public record Tool(String vendor, String name, String version) {}
