package dev.assay.catalog.spi;

import java.io.IOException;

/**
 * Parses one file into components. Most catalogers are one of these registered by glob through {@link
 * GenericCataloger}; a parser throws on unreadable input and the generic cataloger records the failure as
 * an {@link dev.assay.model.Unknown} naming the file.
 */
@FunctionalInterface
public interface FileParser {
    CatalogResult parse(ParseInput input) throws IOException;
}
