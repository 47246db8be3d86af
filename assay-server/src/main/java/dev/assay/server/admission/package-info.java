/**
 * The Kubernetes admission webhook: {@code POST /admission/validate} and {@code POST /admission/mutate}
 * speak AdmissionReview {@code admission.k8s.io/v1} and answer with the decisions of {@link
 * dev.assay.engine.admission.AdmissionController}, the same engine {@code assay server review} runs
 * offline.
 */
package dev.assay.server.admission;
