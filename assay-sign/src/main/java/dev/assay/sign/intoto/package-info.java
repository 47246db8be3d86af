/**
 * in-toto attestation Statements (v1, and v0.1 for reading what older signers made): which artifacts, by
 * digest, a predicate speaks about.
 */
package dev.assay.sign.intoto;
