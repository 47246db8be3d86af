/**
 * Catalogers for Python packages: pip requirements files, the Poetry, Pipenv, uv and PDM lockfiles
 * declared in source trees, and the core metadata ({@code METADATA}, {@code PKG-INFO}) of packages
 * installed in site-packages. Purls carry the PEP 503 normalized name; components keep the name as
 * written.
 */
package dev.assay.catalog.python;
