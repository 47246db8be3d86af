package dev.assay.sign.image;

import dev.assay.model.InvalidInputException;
import java.util.regex.Pattern;

/** The names cosign gives to what it stores beside an image: media types, annotations and tags. */
public final class CosignFormats {
    public static final String SIMPLE_SIGNING_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
    public static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    public static final String PREDICATE_TYPE_ANNOTATION = "predicateType";
    public static final String BUNDLE_MEDIA_TYPE = dev.assay.sign.SigstoreBundles.MEDIA_TYPE;
    /** Annotations of bundle referrers, per cosign's bundle specification. */
    public static final String BUNDLE_CONTENT_ANNOTATION = "dev.sigstore.bundle.content";

    public static final String BUNDLE_PREDICATE_TYPE_ANNOTATION = "dev.sigstore.bundle.predicateType";
    public static final String CONTENT_MESSAGE_SIGNATURE = "message-signature";
    public static final String CONTENT_DSSE_ENVELOPE = "dsse-envelope";

    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

    private CosignFormats() {}

    /** {@code sha256-<hex>.sig}: the tag holding the signatures of the manifest with this digest. */
    public static String signatureTag(String manifestDigest) {
        return tagBase(manifestDigest) + ".sig";
    }

    /** {@code sha256-<hex>.att}: the tag holding the attestations of the manifest with this digest. */
    public static String attestationTag(String manifestDigest) {
        return tagBase(manifestDigest) + ".att";
    }

    private static String tagBase(String manifestDigest) {
        if (!SHA256.matcher(manifestDigest).matches()) {
            throw new InvalidInputException("not a sha256 manifest digest: " + manifestDigest, manifestDigest);
        }
        return manifestDigest.replace(':', '-');
    }
}
