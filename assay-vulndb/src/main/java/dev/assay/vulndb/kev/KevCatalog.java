package dev.assay.vulndb.kev;

import dev.assay.model.KevEntry;
import java.util.List;

/**
 * A CISA Known Exploited Vulnerabilities catalog as read.
 *
 * @param catalogVersion CISA's {@code catalogVersion} ({@code 2025.08.25}); empty for the CSV, which has none
 * @param dateReleased CISA's {@code dateReleased}; empty for the CSV
 * @param entries one per CVE, in catalog order
 * @param skippedRows rows without a usable CVE id
 */
public record KevCatalog(String catalogVersion, String dateReleased, List<KevEntry> entries, int skippedRows) {
    public KevCatalog {
        catalogVersion = catalogVersion == null ? "" : catalogVersion;
        dateReleased = dateReleased == null ? "" : dateReleased;
        entries = List.copyOf(entries);
    }
}
