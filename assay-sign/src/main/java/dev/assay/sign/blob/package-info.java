/**
 * Signatures over files ("blobs") with a local key, as {@code cosign sign-blob --key} makes them: a detached
 * base64 signature and a Sigstore bundle (v0.3) carrying the message digest and the signature.
 */
package dev.assay.sign.blob;
