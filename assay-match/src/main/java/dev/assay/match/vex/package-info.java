/**
 * VEX: reading OpenVEX and CycloneDX VEX documents into one statement model, and applying the statements to
 * findings. A {@code not_affected} or {@code fixed} statement moves a finding to the suppressed list with the
 * statement's reason; {@code affected} and {@code under_investigation} keep it and are reported beside it.
 */
package dev.assay.match.vex;
