/**
 * Policy documents and the documents policies judge: {@code kind: Policy} YAML read into compiled CEL
 * policies with every problem located by file, line, column and field; resource files (manifests, SBOMs,
 * scan results) read with Kubernetes' YAML typing; and the file walking both share.
 */
package dev.assay.policy.document;
