/**
 * Policy and misconfiguration results about a project version, as tools report them in SARIF 2.1.0
 * ({@code assay scan k8s --format sarif}, {@code assay policy eval}, or any other checker): reading such a
 * report safely, and keeping the latest report of each tool per version.
 */
package dev.assay.server.portfolio.policy;
