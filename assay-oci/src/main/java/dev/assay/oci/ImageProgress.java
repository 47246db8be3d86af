package dev.assay.oci;

/** Told about long steps (pulling and unpacking layers) so a caller can show progress; never prints. */
public interface ImageProgress {
    ImageProgress NONE = new ImageProgress() {};

    /** A named phase started, e.g. "pulling layer 2/5"; total is in bytes, -1 when unknown. */
    default void phase(String name, long total) {}

    /** How much of the current phase is done, in the phase's unit. */
    default void advance(long done) {}
}
