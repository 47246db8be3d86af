/** Python distributions: OSV ecosystem {@code PyPI}, names normalized as PEP 503 says. */
package dev.assay.match.pypi;
