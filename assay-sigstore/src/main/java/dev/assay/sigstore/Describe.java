package dev.assay.sigstore;

/** The "what was checked" half of a verified verdict. */
final class Describe {
    private Describe() {}

    static String logged(BundleChecks.Passed passed) {
        return "logged in " + passed.log().getBaseUrl() + " at index "
                + passed.entry().logIndex()
                + " (inclusion proof and checkpoint verified), signed at " + passed.signingTime() + " per "
                + passed.timeSource();
    }
}
