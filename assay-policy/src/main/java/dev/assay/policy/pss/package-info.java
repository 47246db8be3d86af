/**
 * Kubernetes Pod Security Standards with pod-security-admission semantics: one check per PSA check, each
 * knowing the policy versions it applies to and how its rule changed between versions, and each wording its
 * violation as PSA does ({@code reason (detail)}), so that offline results read like the API server's answer.
 */
package dev.assay.policy.pss;
