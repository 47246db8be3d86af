/** The extension point of matching: one {@link dev.assay.match.spi.Matcher} per package ecosystem. */
package dev.assay.match.spi;
