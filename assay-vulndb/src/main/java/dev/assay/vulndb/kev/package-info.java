/** CISA's Known Exploited Vulnerabilities catalog, read from its JSON or CSV publication. */
package dev.assay.vulndb.kev;
