package dev.assay.vulndb.kev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.KevEntry;
import dev.assay.model.UnableToParseException;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KevCatalogReaderTest {
    @Test
    void read_json_mapsEntriesAndSkipsRowsWithoutCve() throws IOException {
        KevCatalog catalog = KevCatalogReader.read(Fixtures.path(getClass(), "kev/kev-small.json"));

        assertThat(catalog.catalogVersion()).isEqualTo("2099.08.25");
        assertThat(catalog.dateReleased()).isEqualTo("2099-08-25T17:04:19.9796Z");
        assertThat(catalog.entries())
                .containsExactly(
                        new KevEntry(
                                "CVE-2099-1111",
                                "Example",
                                "Parser",
                                LocalDate.parse("2099-08-25"),
                                LocalDate.parse("2099-09-15"),
                                true),
                        new KevEntry("CVE-2099-3333", "Example", "Lib", null, null, false));
        assertThat(catalog.skippedRows()).isEqualTo(1);
    }

    @Test
    void read_csv_givesTheSameEntriesAsTheJson() throws IOException {
        KevCatalog csv = KevCatalogReader.read(Fixtures.path(getClass(), "kev/kev-small.csv"));
        KevCatalog json = KevCatalogReader.read(Fixtures.path(getClass(), "kev/kev-small.json"));

        assertThat(csv.entries()).isEqualTo(json.entries());
        assertThat(csv.skippedRows()).isEqualTo(1);
    }

    @Test
    void read_cisaCatalogInBothForms_agrees() throws IOException {
        KevCatalog json = KevCatalogReader.read(Corpora.require("cisa-kev/known_exploited_vulnerabilities.json"));
        KevCatalog csv = KevCatalogReader.read(Corpora.require("cisa-kev/known_exploited_vulnerabilities.csv"));

        assertThat(json.entries()).hasSize(1404);
        assertThat(json.catalogVersion()).isEqualTo("2025.08.25");
        assertThat(csv.entries()).isEqualTo(json.entries());
        assertThat(json.entries()).anySatisfy(entry -> {
            assertThat(entry.cveId()).isEqualTo("CVE-2021-44228");
            assertThat(entry.vendorProject()).isEqualTo("Apache");
        });
    }

    @Test
    void read_otherJson_throwsUnableToParse() {
        byte[] content = "{\"vulnerabilities\": {}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> KevCatalogReader.read(content, "other.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("not a CISA KEV catalog");
    }

    @Test
    void read_otherCsv_throwsUnableToParse() {
        byte[] content = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> KevCatalogReader.read(content, "other.csv"))
                .isInstanceOf(UnableToParseException.class);
    }

    @Test
    void parse_quotedFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(Csv.parse("a,\"b,c\",\"d \"\"e\"\"\"\r\n\"x\ny\",,z\n"))
                .containsExactly(java.util.List.of("a", "b,c", "d \"e\""), java.util.List.of("x\ny", "", "z"));
    }
}
