/**
 * TLS for the server from PEM files (what Kubernetes Secrets and cert-manager provide), reloaded when the
 * files change so that a renewed certificate is served without a restart. New connections get the new
 * certificate; established ones keep theirs until they close.
 */
package dev.assay.server.tls;
