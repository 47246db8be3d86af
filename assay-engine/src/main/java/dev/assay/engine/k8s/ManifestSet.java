package dev.assay.engine.k8s;

import dev.assay.report.ManifestIssue;
import java.util.List;

/**
 * What the manifest reader made of its inputs: the Kubernetes objects, the documents it could not read, and
 * the documents it left out because they are not Kubernetes objects.
 *
 * @param files how many files were read
 * @param documents every Kubernetes object, in file and document order
 * @param errors malformed or unreadable documents and files
 * @param skipped documents that are not Kubernetes objects, with why
 */
public record ManifestSet(
        int files, List<ManifestDocument> documents, List<ManifestIssue> errors, List<ManifestIssue> skipped) {
    public ManifestSet {
        documents = List.copyOf(documents);
        errors = List.copyOf(errors);
        skipped = List.copyOf(skipped);
    }
}
