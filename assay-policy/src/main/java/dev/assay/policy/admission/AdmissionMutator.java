package dev.assay.policy.admission;

import java.util.List;

/**
 * A change the mutating webhook makes to admitted objects, such as rewriting image tags to the digests
 * they resolve to. Thread-safe; never mutates the input map.
 */
public interface AdmissionMutator {
    String name();

    boolean appliesTo(AdmissionInput input);

    /**
     * The JSON patch to apply, relative to {@code input.object()}; empty when nothing changes.
     *
     * @throws dev.assay.model.NoVerdictException when the change needs something unreachable; the caller
     *     applies {@link #failurePolicy()}
     */
    List<JsonPatchOperation> mutate(AdmissionInput input);

    default FailurePolicy failurePolicy() {
        return FailurePolicy.FAIL;
    }
}
