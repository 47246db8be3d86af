package dev.assay.engine.admission.spi;

import java.util.Set;

/**
 * Turns policy documents of some {@code kind}s into admission policies and mutators: the CEL policies
 * ({@code kind: Policy}), the image supply-chain pack ({@code kind: ImagePolicy}). {@code --policy FILE}
 * splits each file into documents and hands every document to the loader registered for its kind (see
 * {@link dev.assay.engine.admission.AdmissionPlugins}); a kind without a loader is an error, never ignored.
 *
 * <p>Loading happens once, before the server listens: compile what can be compiled here, so that a broken
 * policy stops the start with exit code 2 instead of failing requests.
 */
public interface PolicyLoader {
    /** The document kinds this loader reads; each kind has one loader. */
    Set<String> kinds();

    /**
     * The policies and mutators one document defines.
     *
     * @throws dev.assay.model.InvalidInputException when the document is malformed or does not compile;
     *     the message names {@link PolicyDocument#location()} and, where known, the line in the file
     */
    LoadedPolicies load(PolicyDocument document);
}
