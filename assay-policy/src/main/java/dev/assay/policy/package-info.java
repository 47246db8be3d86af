/** Built-in policy packs; each rule is a pure {@link dev.assay.policy.Check} over an immutable input. */
package dev.assay.policy;
