package dev.assay.vulndb.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import dev.assay.model.UnableToParseException;
import dev.assay.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvRecordReaderTest {
    private static Advisory advisory(String fixture, OsvRecordReader.Format format, String source) {
        OsvDocument document =
                OsvRecordReader.read(Fixtures.bytes(OsvRecordReaderTest.class, fixture), format, fixture, source);
        assertThat(document).isInstanceOf(OsvDocument.Record.class);
        return ((OsvDocument.Record) document).advisory();
    }

    @Test
    void read_goJsonRecord_mapsEveryField() {
        Advisory advisory = advisory("osv/go-record.json", OsvRecordReader.Format.JSON, null);

        assertThat(advisory.id()).isEqualTo("GO-2099-0001");
        assertThat(advisory.aliases()).containsExactly("CVE-2099-1111", "GHSA-aaaa-bbbb-cccc");
        assertThat(advisory.summary()).isEqualTo("Unbounded recursion in example.com/parser");
        assertThat(advisory.details()).isEqualTo("Parsing a crafted document exhausts the stack.");
        assertThat(advisory.published()).isEqualTo(Instant.parse("2099-01-02T03:04:05Z"));
        // Go writes its zero time for "not set".
        assertThat(advisory.modified()).isNull();
        assertThat(advisory.withdrawn()).isNull();
        assertThat(advisory.affected())
                .containsExactly(new AffectedPackage(
                        "Go",
                        "example.com/parser",
                        "",
                        List.of(
                                new AffectedRange(
                                        AffectedRange.Type.SEMVER,
                                        "",
                                        List.of(RangeEvent.introduced("0"), RangeEvent.fixed("1.2.3"))),
                                new AffectedRange(
                                        AffectedRange.Type.SEMVER,
                                        "",
                                        List.of(RangeEvent.introduced("2.0.0"), RangeEvent.lastAffected("2.0.4")))),
                        List.of(),
                        ""));
        // Duplicate URLs (same URL, another reference type) are listed once.
        assertThat(advisory.references())
                .containsExactly("https://example.com/parser/commit/1", "https://example.com/parser/releases/1.2.3");
        assertThat(advisory.ratings()).isEmpty();
        assertThat(advisory.source()).isEqualTo("osv:Go");
    }

    @Test
    void read_pypaYamlRecord_keepsVersionsAndDatesAsWritten() {
        Advisory advisory = advisory("osv/pypa-record.yaml", OsvRecordReader.Format.YAML, "pypa");

        assertThat(advisory.id()).isEqualTo("PYSEC-2099-7");
        assertThat(advisory.modified()).isEqualTo(Instant.parse("2099-03-04T05:06:07.123456Z"));
        AffectedPackage affected = advisory.affected().get(0);
        assertThat(affected.name()).isEqualTo("Example_Templates");
        assertThat(affected.purl()).isEqualTo("pkg:pypi/example-templates");
        // YAML 1.1 would read 1.10 as the number 1.1 and 0 as an integer; the failsafe schema keeps the text.
        assertThat(affected.ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("1.10"));
        assertThat(affected.ranges().get(1).type()).isEqualTo(AffectedRange.Type.GIT);
        assertThat(affected.ranges().get(1).repo()).isEqualTo("https://example.com/templates");
        assertThat(affected.versions()).containsExactly("1.0", "1.9", "1.10.0rc1");
        assertThat(advisory.ratings())
                .containsExactly(new Rating(
                        "CVSS_V3", 9.8, Severity.CRITICAL, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "PYSEC"));
        assertThat(advisory.source()).isEqualTo("pypa");
    }

    @Test
    void read_ghsaRecord_mapsRatingsLabelsAndWithdrawal() {
        Advisory advisory = advisory("osv/ghsa-record.json", OsvRecordReader.Format.JSON, null);

        assertThat(advisory.withdrawn()).isEqualTo(Instant.parse("2099-05-07T00:00:00Z"));
        assertThat(advisory.isWithdrawn()).isTrue();
        assertThat(advisory.ratings())
                .containsExactly(
                        new Rating(
                                "CVSS_V3",
                                10.0,
                                Severity.CRITICAL,
                                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                                "GHSA"),
                        // A vector that cannot be scored is kept as published, without a score.
                        new Rating("CVSS_V3", Double.NaN, Severity.UNKNOWN, "CVSS:3.1/AV:BROKEN", "GHSA"),
                        new Rating(Rating.DATABASE, Double.NaN, Severity.MEDIUM, "", "Ubuntu"),
                        new Rating(Rating.DATABASE, Double.NaN, Severity.CRITICAL, "", "GHSA"));
        // The entry without a package is dropped; the unknown range type is dropped, its versions kept.
        assertThat(advisory.affected())
                .extracting(AffectedPackage::ecosystem)
                .containsExactly("Maven", "Maven", "Debian:12");
        assertThat(advisory.affected().get(0).severity()).isEqualTo("HIGH");
        assertThat(advisory.affected().get(2).ranges()).isEmpty();
        assertThat(advisory.affected().get(2).versions()).containsExactly("2.14.0-1");
    }

    @Test
    void read_recordWithoutId_throwsInvalidOsvRecord() {
        byte[] content = Fixtures.bytes(OsvRecordReaderTest.class, "osv/no-id.json");

        assertThatThrownBy(() -> OsvRecordReader.read(content, OsvRecordReader.Format.JSON, "no-id.json", null))
                .isInstanceOf(InvalidOsvRecordException.class)
                .hasMessageContaining("without an id");
    }

    @Test
    void read_legacyNpmAdvisory_isNotOsv() {
        byte[] content = Fixtures.bytes(OsvRecordReaderTest.class, "osv/legacy-npm-advisory.json");

        assertThat(OsvRecordReader.read(content, OsvRecordReader.Format.JSON, "npm.json", null))
                .isInstanceOf(OsvDocument.NotOsv.class);
    }

    @Test
    void read_otherJsonShapes_areNotOsv() {
        assertThat(read("[1, 2]")).isInstanceOf(OsvDocument.NotOsv.class);
        assertThat(read("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"x\"}"))
                .isInstanceOf(OsvDocument.NotOsv.class);
        assertThat(read("{\"id\": \"just-an-id\"}")).isInstanceOf(OsvDocument.NotOsv.class);
    }

    @Test
    void read_minimalRecordWithoutModified_isTolerated() {
        Advisory advisory = ((OsvDocument.Record) read("{\"id\": \"X-1\", \"summary\": \"s\"}")).advisory();

        assertThat(advisory.modified()).isNull();
        assertThat(advisory.affected()).isEmpty();
        assertThat(advisory.source()).isEqualTo("osv");
    }

    @Test
    void read_realWorldQuirks_areTolerated() {
        String json = """
                {"id": " X-2 ", "modified": "2099-01-01T00:00:00+02:00", "published": "2099-01-01",
                 "withdrawn": "yesterday", "aliases": ["CVE-2099-1", null, 7, "CVE-2099-1"],
                 "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                               "ranges": [{"type": "semver", "events": [{"introduced": 0}, {"fixed": 1.5}, {"unknown": "x"}]}]},
                              {"package": {"ecosystem": "npm"}}],
                 "severity": [{"type": "CVSS_V3"}, {"score": "x"}],
                 "references": [{"url": ""}, {"type": "WEB"}, "not an object"]}
                """;
        Advisory advisory = ((OsvDocument.Record) read(json)).advisory();

        assertThat(advisory.id()).isEqualTo("X-2");
        assertThat(advisory.modified()).isEqualTo(Instant.parse("2098-12-31T22:00:00Z"));
        assertThat(advisory.published()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(advisory.withdrawn()).isNull();
        assertThat(advisory.aliases()).containsExactly("CVE-2099-1", "7");
        assertThat(advisory.affected()).hasSize(1);
        assertThat(advisory.affected().get(0).ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("1.5"));
        assertThat(advisory.ratings()).isEmpty();
        assertThat(advisory.references()).isEmpty();
    }

    @Test
    void read_emptyId_throwsInvalidOsvRecord() {
        assertThatThrownBy(() -> read("{\"id\": \"  \", \"modified\": \"2099-01-01T00:00:00Z\"}"))
                .isInstanceOf(InvalidOsvRecordException.class);
    }

    @Test
    void read_malformedJson_throwsUnableToParse() {
        assertThatThrownBy(() -> read("{\"id\": \"X-3\", ")).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void read_deeplyNestedJson_throwsUnableToParse() {
        String nested = "{\"id\": \"X-4\", \"details\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThatThrownBy(() -> read(nested)).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void read_invalidUtf8Json_throwsUnableToParse() {
        byte[] content = "{\"id\": \"X-5\", \"summary\": \"?\"}".getBytes(StandardCharsets.UTF_8);
        content[content.length - 3] = (byte) 0xC3; // a lead byte followed by '"': invalid UTF-8

        assertThatThrownBy(() -> OsvRecordReader.read(content, OsvRecordReader.Format.JSON, "bad.json", null))
                .isInstanceOf(UnableToParseException.class);
    }

    @Test
    void read_invalidUtf8Yaml_throwsUnableToParse() {
        byte[] content = "id: X-6\nsummary: ?\n".getBytes(StandardCharsets.UTF_8);
        content[content.length - 2] = (byte) 0xFF;

        assertThatThrownBy(() -> OsvRecordReader.read(content, OsvRecordReader.Format.YAML, "bad.yaml", null))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void read_yamlAliasBomb_throwsUnableToParse() {
        StringBuilder bomb = new StringBuilder("id: X-7\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 9; level++) {
            bomb.append('a').append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            bomb.append("]\n");
        }
        bomb.append("details: *a8\n");
        byte[] content = bomb.toString().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OsvRecordReader.read(content, OsvRecordReader.Format.YAML, "bomb.yaml", null))
                .isInstanceOf(UnableToParseException.class);
    }

    @Test
    void formatOfFileName_byExtension() {
        assertThat(OsvRecordReader.Format.ofFileName("A.JSON")).contains(OsvRecordReader.Format.JSON);
        assertThat(OsvRecordReader.Format.ofFileName("a.yml")).contains(OsvRecordReader.Format.YAML);
        assertThat(OsvRecordReader.Format.ofFileName("a.yaml")).contains(OsvRecordReader.Format.YAML);
        assertThat(OsvRecordReader.Format.ofFileName("RUSTSEC-2099-0001.md")).isEmpty();
    }

    private static OsvDocument read(String json) {
        return OsvRecordReader.read(
                json.getBytes(StandardCharsets.UTF_8), OsvRecordReader.Format.JSON, "inline.json", null);
    }
}
