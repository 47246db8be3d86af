/**
 * Readers for untrusted input. Every parser in Assay reads files an attacker may have written, so the
 * XML, YAML and JSON factories here are configured once with the defences (no external entities, no DTDs,
 * alias and size limits) and every module obtains its parsers from here rather than building its own.
 */
package dev.assay.model.untrusted;
