/** Debian and Ubuntu packages, matched by source package against the advisories of their own release. */
package dev.assay.match.deb;
