/**
 * PHP Composer packages: what a {@code composer.lock} pins (with the project's {@code composer.json} as the
 * root when it is next to it), and what {@code vendor/composer/installed.json} records as installed.
 */
package dev.assay.catalog.php;
