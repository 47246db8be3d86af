/** Files Assay writes: complete or not at all, never replacing a device or a link. */
package dev.assay.model.files;
