/**
 * Kubernetes Pod Security Standards with pod-security-admission semantics: one check per PSA check,
 * each knowing the policy versions it applies to and how its rule changed between versions.
 */
package dev.assay.policy.pss;
