/**
 * {@code assay scan k8s}: reading Kubernetes manifests (files and directories, multi-document YAML, JSON,
 * {@code kind: List}, Helm and Kustomize output) with each object's file, document and line, and running
 * the admission policies (the same ones the webhook runs) and the manifest-set policies over them.
 */
package dev.assay.engine.k8s;
