/** Maven artifacts: OSV ecosystem {@code Maven}, package {@code groupId:artifactId}. */
package dev.assay.match.maven;
