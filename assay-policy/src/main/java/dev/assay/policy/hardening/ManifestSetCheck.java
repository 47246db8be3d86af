package dev.assay.policy.hardening;

import java.util.List;

/** A hardening rule over a whole manifest set, for what no single object shows. Pure and thread-safe. */
public interface ManifestSetCheck extends HardeningRule {
    /** Each violation names, by index in {@code objects}, the object it is reported on. */
    List<Anchored> check(List<KubeObject> objects);

    /** A message reported on the object at {@code index}. */
    record Anchored(int index, String message) {}
}
