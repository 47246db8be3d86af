/**
 * Catalogers for the packages a Linux distribution installed: the dpkg status database (Debian, Ubuntu,
 * distroless), the apk installed database (Alpine, Wolfi) and the rpm database in its three formats (SQLite:
 * Fedora, RHEL 9, Amazon Linux 2023; Berkeley DB hash: RHEL/CentOS 7 and 8, Amazon Linux 2; NDB: SUSE). They run on root filesystems and images only, read every database as hostile input
 * and name the distribution release in each purl so that matching uses the right advisories.
 */
package dev.assay.catalog.os;
