package dev.assay.server.portfolio.query;

/** The component that made a version affected: its full purl and its version as stored. */
public record AffectedComponent(String purl, String version) {}
