package dev.assay.policy;

import java.util.List;

/** A pure rule over an immutable input: no I/O, no state, the same answer for the same input. */
public interface Check<I> {
    String id();

    List<Violation> check(I input);
}
