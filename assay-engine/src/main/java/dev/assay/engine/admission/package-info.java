/**
 * Admission decisions: runs Assay's admission policies and mutators over one request and turns their
 * verdicts into the answer a Kubernetes admission webhook gives (allowed or denied, warnings, audit
 * annotations, a JSON patch), applying each policy's failure policy when it cannot decide. The webhook
 * ({@code assay server}) and the CLI ({@code assay server review}) both call {@link
 * dev.assay.engine.admission.AdmissionController}, so a decision can be reproduced offline.
 */
package dev.assay.engine.admission;
