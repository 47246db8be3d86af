package dev.assay.catalog;

/** Told about long work so the CLI can show progress; the library never prints. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** A named phase started ("unpacking layer 3/7", "cataloging"); total is -1 when unknown. */
    default void phase(String name, long total) {}

    default void advance(long done) {}
}
