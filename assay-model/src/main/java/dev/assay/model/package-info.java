/**
 * Immutable domain values shared by every Assay module: what was found ({@link dev.assay.model.Component}),
 * where and how it was found ({@link dev.assay.model.Evidence}), how components relate, and what could not
 * be read ({@link dev.assay.model.Unknown}). No I/O happens here.
 */
package dev.assay.model;
