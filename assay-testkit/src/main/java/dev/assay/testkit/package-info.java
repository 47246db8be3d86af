/**
 * Shared test helpers. The public corpora are used only through {@link dev.assay.testkit.Corpora}, which
 * skips a test with a clear reason when the corpora are not next to the checkout, instead of failing or
 * silently passing.
 */
package dev.assay.testkit;
