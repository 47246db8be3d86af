package dev.assay.engine.admission.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One document of a policy file, as given to a {@link PolicyLoader}: both its text (for loaders that
 * report errors with line and column, or parse with their own schema) and its tree as the hardened YAML
 * reader loaded it (scalars are strings: the failsafe schema).
 *
 * @param source the file it came from
 * @param index the document's position in the file, from 1
 * @param firstLine the file line where the document's text starts, from 1, to turn a line inside {@code
 *     content} into a line of the file
 * @param apiVersion the document's {@code apiVersion}; {@code ""} when absent
 * @param kind the document's {@code kind}
 * @param content the document's own text (one YAML document, or the whole JSON file)
 * @param tree the document as loaded
 */
public record PolicyDocument(
        String source,
        int index,
        int firstLine,
        String apiVersion,
        String kind,
        String content,
        Map<String, Object> tree) {
    public PolicyDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(tree, "tree");
    }

    /**
     * The document's text preceded by blank lines up to {@link #firstLine()}, so that a loader parsing it
     * on its own reports line numbers of the whole file the user edits. YAML and JSON both ignore them.
     */
    public String contentAtFileLines() {
        return "\n".repeat(Math.max(0, firstLine - 1)) + content;
    }

    /** {@code policies/images.yaml (document 2, line 14)} for error messages. */
    public String location() {
        return source + " (document " + index + ", line " + firstLine + ")";
    }
}
