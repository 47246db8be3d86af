/** RPM packages of Red Hat, Rocky Linux, AlmaLinux, openSUSE, SUSE and Mageia, each per release. */
package dev.assay.match.rpm;
