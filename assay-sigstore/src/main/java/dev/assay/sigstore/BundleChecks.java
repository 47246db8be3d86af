package dev.assay.sigstore;

import dev.assay.sigstore.SigstoreBundle.TlogEntry;
import dev.sigstore.trustroot.TransparencyLog;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every bundle passes after its signer is settled: the signature over the artifact, the log
 * entry's agreement with the bundle, the entry's inclusion in a trusted log, and a verified signing time
 * (signed entry timestamp or RFC 3161 timestamp) at which the log key and the certificate were valid.
 */
final class BundleChecks {
    /** Clocks drift; an integration time further ahead than this was not written by an honest log. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** @param signingTime the earliest verified signing time, and where it came from */
    record Passed(TlogEntry entry, TransparencyLog log, Instant signingTime, String timeSource) {}

    private record TrustedTime(Instant time, String source) {}

    private BundleChecks() {}

    static Passed verify(Artifact artifact, SigstoreBundle bundle, TrustRoot root, SigningMaterial signer)
            throws CheckFailed {
        Evidence evidence = ArtifactSignatureCheck.verify(artifact, bundle.content(), signer);
        TlogEntry entry = onlyEntry(bundle);
        LogEntryBody.check(entry, evidence);
        TransparencyLogCheck.Verified logged = TransparencyLogCheck.verify(entry, root.transparencyLogs());

        List<TrustedTime> times = new ArrayList<>();
        if (logged.integratedTime().isPresent()) {
            times.add(new TrustedTime(logged.integratedTime().get(), "the log's integrated time"));
        }
        for (int i = 0; i < bundle.rfc3161Timestamps().size(); i++) {
            Instant time = TimestampCheck.verify(bundle.rfc3161Timestamps().get(i), i, evidence.signature(), root);
            times.add(new TrustedTime(time, "RFC 3161 timestamp " + (i + 1)));
        }
        if (times.isEmpty()) {
            throw new CheckFailed("no verified signing time: the bundle has neither a signed entry timestamp nor an"
                    + " RFC 3161 timestamp (Rekor v2 entries need a timestamp)");
        }
        Instant latestAcceptable = Instant.now().plus(CLOCK_SKEW);
        for (TrustedTime trusted : times) {
            if (trusted.time().isAfter(latestAcceptable)) {
                throw new CheckFailed(trusted.source() + " " + trusted.time() + " lies in the future");
            }
            if (!logged.log().getPublicKey().getValidFor().contains(trusted.time())) {
                throw new CheckFailed(
                        "the key of transparency log " + logged.log().getBaseUrl() + " was not valid at "
                                + trusted.source() + " (" + trusted.time() + ") per the trusted root");
            }
            if (signer instanceof SigningMaterial.Leaf leaf) {
                requireWithinValidity(leaf.certificate(), trusted);
            }
        }
        TrustedTime earliest = times.stream()
                .min((left, right) -> left.time().compareTo(right.time()))
                .orElseThrow();
        return new Passed(entry, logged.log(), earliest.time(), earliest.source());
    }

    private static TlogEntry onlyEntry(SigstoreBundle bundle) throws CheckFailed {
        if (bundle.tlogEntries().isEmpty()) {
            throw new CheckFailed("the bundle has no transparency-log entry");
        }
        if (bundle.tlogEntries().size() > 1) {
            throw new CheckFailed("the bundle has " + bundle.tlogEntries().size()
                    + " transparency-log entries; a bundle records exactly one");
        }
        return bundle.tlogEntries().get(0);
    }

    /** Fulcio certificates live minutes: the signature counts only if made while the certificate was valid. */
    private static void requireWithinValidity(X509Certificate certificate, TrustedTime trusted) throws CheckFailed {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (trusted.time().isBefore(notBefore) || trusted.time().isAfter(notAfter)) {
            throw new CheckFailed(trusted.source() + " (" + trusted.time() + ") is outside the signing certificate's"
                    + " validity (" + notBefore + " to " + notAfter + ")");
        }
    }
}
