/**
 * Java catalogers: Maven {@code pom.xml} trees (with parent, property and BOM resolution inside the
 * source), Gradle lockfiles, and Java archives (jar, war, ear and their kin), nested archives included,
 * read by their central directory with a bounds-checked reader of our own ({@link
 * dev.assay.catalog.java.ZipDirectory}) or as streams, within the bounds of {@link
 * dev.assay.model.untrusted.Limits}.
 */
package dev.assay.catalog.java;
