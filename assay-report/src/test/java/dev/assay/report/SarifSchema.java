package dev.assay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official OASIS SARIF 2.1.0 schema (errata 01, a test resource; see sarif/SOURCES.md), offline. */
final class SarifSchema {
    private static final Schema SCHEMA = load();

    private SarifSchema() {}

    private static Schema load() {
        try (InputStream input = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (input == null) {
                throw new AssertionError("missing test resource /sarif/sarif-schema-2.1.0.json");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> errors(JsonNode sarif) {
        return SCHEMA.validate(sarif).stream().map(Error::toString).toList();
    }
}
