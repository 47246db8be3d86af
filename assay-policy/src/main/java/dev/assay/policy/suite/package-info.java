/**
 * Offline test suites for CEL policies, as {@code kyverno test} has for Kyverno's: a test file names
 * policies, resources and the result each rule must give each resource, and {@link
 * dev.assay.policy.suite.PolicyTestRunner} checks them with the same engine the admission webhook runs.
 */
package dev.assay.policy.suite;
