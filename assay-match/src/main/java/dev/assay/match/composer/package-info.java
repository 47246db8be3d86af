/** PHP Composer packages: OSV ecosystem {@code Packagist}, package {@code vendor/name}. */
package dev.assay.match.composer;
