package dev.assay.engine.image;

import dev.assay.model.Severity;

/**
 * One rule an image, known by its digest, breaks: what is cached per digest and turned into a violation
 * for each container that runs the image.
 */
record DigestFinding(String rule, Severity severity, String message) {}
