package dev.assay.model;

import java.time.LocalDate;
import java.util.Objects;

/** An entry of CISA's Known Exploited Vulnerabilities catalog: this CVE is exploited in the wild. */
public record KevEntry(
        String cveId,
        String vendorProject,
        String product,
        LocalDate dateAdded,
        LocalDate dueDate,
        boolean knownRansomwareUse) {
    public KevEntry {
        Objects.requireNonNull(cveId, "cveId");
        vendorProject = vendorProject == null ? "" : vendorProject;
        product = product == null ? "" : product;
    }
}
