package dev.assay.vulndb.epss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.EpssScore;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.UnableToParseException;
import dev.assay.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class EpssCsvReaderTest {
    @Test
    void read_csv_readsModelLineAndScoresAndSkipsBadRows() throws IOException {
        EpssFile file = EpssCsvReader.read(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv"));

        assertThat(file.modelVersion()).isEqualTo("v2099.01.01");
        assertThat(file.scoreDate()).isEqualTo("2099-08-25T00:00:00+0000");
        assertThat(file.scores())
                .containsExactly(
                        new EpssScore("CVE-2099-1111", 0.97512, 0.99987),
                        new EpssScore("CVE-2099-2222", 0.00043, 0.11),
                        new EpssScore("CVE-2099-3333", 0.5, 0.75));
        // not-a-cve, a probability above 1, a non-number
        assertThat(file.skippedRows()).isEqualTo(3);
    }

    @Test
    void read_gzip_isRecognizedByContent() throws IOException {
        EpssFile plain = EpssCsvReader.read(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv"));
        EpssFile gzipped = EpssCsvReader.read(Fixtures.path(getClass(), "epss/epss_scores-2099-08-25.csv.gz"));

        assertThat(gzipped).isEqualTo(plain);
    }

    @Test
    void read_withoutModelLine_isAccepted() throws IOException {
        EpssFile file = read("cve,epss,percentile\nCVE-2099-0001,0.1,0.2\n");

        assertThat(file.modelVersion()).isEmpty();
        assertThat(file.scores()).containsExactly(new EpssScore("CVE-2099-0001", 0.1, 0.2));
    }

    @Test
    void read_otherCsv_throwsUnableToParse() {
        assertThatThrownBy(() -> read("a,b\n1,2\n")).isInstanceOf(UnableToParseException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void read_gzipBomb_throwsInputTooLarge() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("cve,epss,percentile\n".getBytes(StandardCharsets.US_ASCII));
            byte[] row = "CVE-2099-0001,0.1,0.2\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= 16 << 20; written += row.length) {
                gzip.write(row);
            }
        }
        assertThat(compressed.size()).isLessThan(1 << 20);

        assertThatThrownBy(() ->
                        EpssCsvReader.read(new ByteArrayInputStream(compressed.toByteArray()), "bomb.csv.gz", 8 << 20))
                .isInstanceOf(InputTooLargeException.class);
    }

    @Test
    void looksLikeEpss_firstLines() {
        assertThat(EpssCsvReader.looksLikeEpss("#model_version:v2023.03.01,score_date:2024-01-01"))
                .isTrue();
        assertThat(EpssCsvReader.looksLikeEpss("\uFEFFcve,epss,percentile")).isTrue();
        assertThat(EpssCsvReader.looksLikeEpss("cveID,vendorProject")).isFalse();
    }

    private static EpssFile read(String text) throws IOException {
        return EpssCsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inline.csv");
    }
}
