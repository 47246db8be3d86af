package dev.assay.vulndb.store;

import static dev.assay.vulndb.store.TestAdvisories.advisory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {
    @TempDir
    Path db;

    @BeforeEach
    void write() {
        List<Advisory> advisories = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            advisories.add(advisory("C-" + i, null, "npm", "pkg-" + i));
        }
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(advisories, "test");
            importer.commit();
        }
    }

    @Test
    void open_truncatedIndex_throwsCorrupt() throws IOException {
        Path index = db.resolve("packages-1.idx");
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("packages-1.idx")
                .hasMessageContaining("truncated");
    }

    @Test
    void open_truncatedIndexWithAMatchingManifest_throwsCorrupt() throws IOException {
        Path index = db.resolve("packages-1.idx");
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(bytes, bytes.length - 10));
        replaceInManifest("\"size\" : " + bytes.length, "\"size\" : " + (bytes.length - 10));

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("truncated or extended");
    }

    @Test
    void open_flippedByteInTheIndexBody_throwsCorrupt() throws IOException {
        flip(db.resolve("packages-1.idx"), 200);

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void open_flippedByteInAHeader_throwsCorrupt() throws IOException {
        flip(db.resolve("advisories-1.rec"), 20);

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("header");
    }

    @Test
    void open_wrongMagic_throwsCorrupt() throws IOException {
        Path kev = db.resolve("kev-1.tbl");
        byte[] bytes = Files.readAllBytes(kev);
        System.arraycopy("NOTASSAY".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 8);
        Files.write(kev, bytes);

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("not an Assay advisory database file");
    }

    @Test
    void open_fileOfAnotherKindUnderTheName_throwsCorrupt() throws IOException {
        long packagesSize = Files.size(db.resolve("packages-1.idx"));
        Files.copy(
                db.resolve("ids-1.idx"),
                db.resolve("packages-1.idx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        replaceInManifest(
                "\"packages-1.idx\",\n      \"size\" : " + packagesSize,
                "\"packages-1.idx\",\n      \"size\" : " + Files.size(db.resolve("ids-1.idx")));

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("ID_INDEX data where PACKAGE_INDEX was expected");
    }

    @Test
    void advisories_flippedByteInARecord_throwsCorruptForThatRecordOnly() throws IOException {
        Path records = db.resolve("advisories-1.rec");
        byte[] bytes = Files.readAllBytes(records);
        int position = indexOf(bytes, "summary of C-7".getBytes(StandardCharsets.UTF_8));
        bytes[position] ^= 0x01;
        Files.write(records, bytes);

        try (AdvisoryDatabase store = AdvisoryDatabase.open(db)) {
            assertThat(store.advisories("npm", "pkg-8")).hasSize(1);
            assertThatThrownBy(() -> store.advisories("npm", "pkg-7"))
                    .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                    .hasMessageContaining("checksum");
            assertThatThrownBy(store::verify).isInstanceOf(CorruptAdvisoryDatabaseException.class);
        }
    }

    @Test
    void open_unreadableManifest_throwsCorrupt() throws IOException {
        Files.writeString(db.resolve("assay-db.json"), "{\"format\": ");

        assertThatThrownBy(() -> AdvisoryDatabase.open(db)).isInstanceOf(CorruptAdvisoryDatabaseException.class);
    }

    @Test
    void open_foreignManifest_throwsCorrupt() throws IOException {
        Files.writeString(db.resolve("assay-db.json"), "{\"name\": \"something else\"}");

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("not an Assay advisory database manifest");
    }

    @Test
    void open_manifestOfAnotherVersion_throwsCorrupt() throws IOException {
        replaceInManifest("\"formatVersion\" : 1", "\"formatVersion\" : 99");

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("format version 99");
    }

    @Test
    void open_manifestNamingAPath_throwsCorrupt() throws IOException {
        replaceInManifest("\"kev-1.tbl\"", "\"../../etc/kev-1.tbl\"");

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("kev");
    }

    @Test
    void open_missingDataFile_throwsCorrupt() throws IOException {
        Files.delete(db.resolve("epss-1.tbl"));

        assertThatThrownBy(() -> AdvisoryDatabase.open(db))
                .isInstanceOf(CorruptAdvisoryDatabaseException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void commit_intoACorruptStore_failsAndChangesNothing() throws IOException {
        flip(db.resolve("packages-1.idx"), 200);
        byte[] manifest = Files.readAllBytes(db.resolve("assay-db.json"));

        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(db)) {
            importer.importAdvisories(List.of(advisory("NEW-1", null, "npm", "x")), "test");
            assertThatThrownBy(importer::commit).isInstanceOf(CorruptAdvisoryDatabaseException.class);
        }

        assertThat(Files.readAllBytes(db.resolve("assay-db.json"))).isEqualTo(manifest);
        assertThat(db.resolve("advisories-2.rec")).doesNotExist();
    }

    private void replaceInManifest(String from, String to) throws IOException {
        Path manifest = db.resolve("assay-db.json");
        String json = Files.readString(manifest);
        assertThat(json).contains(from);
        Files.writeString(manifest, json.replace(from, to));
    }

    private static void flip(Path file, int position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[position] ^= 0x40;
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
