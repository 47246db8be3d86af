/**
 * Java catalogers: Maven {@code pom.xml} trees (with parent, property and BOM resolution inside the
 * source), Gradle lockfiles, and Java archives (jar, war, ear and their kin) read as streams, nested
 * archives included, within the bounds of {@link dev.assay.model.untrusted.Limits}.
 */
package dev.assay.catalog.java;
