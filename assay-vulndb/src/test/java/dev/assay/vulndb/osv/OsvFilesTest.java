package dev.assay.vulndb.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.Location;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvFilesTest {
    @TempDir
    Path temp;

    /** Collects what a read delivers. */
    static final class Collected implements OsvSink {
        final List<Advisory> records = new ArrayList<>();
        final List<String> recordLocations = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String> notOsv = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();

        @Override
        public void record(Advisory advisory, Location location) {
            records.add(advisory);
            recordLocations.add(location.path());
        }

        @Override
        public void error(Location location, String reason) {
            errors.add(location.path() + ": " + reason);
        }

        @Override
        public void notOsv(Location location, String reason) {
            notOsv.add(location.path());
        }

        @Override
        public void ignored(Location location) {
            ignored.add(location.path());
        }
    }

    static String record(String id) {
        return """
                {"id": "%s", "modified": "2099-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "npm", "name": "pkg-%s"}}]}
                """.formatted(id, id);
    }

    @Test
    void readTree_mixedDirectory_readsRecordsAndLocatesEverythingElse() throws IOException {
        write("a/ONE-1.json", record("ONE-1"));
        write("a/TWO-2.yaml", "id: TWO-2\nmodified: 2099-01-01T00:00:00Z\nsummary: s\n");
        write("b/broken.json", "{\"id\": \"THREE-3\", ");
        write("b/package.json", "{\"name\": \"not-osv\", \"version\": \"1.0.0\"}");
        write("b/README.md", "# not even opened");
        write(".git/objects/HIDDEN-1.json", record("HIDDEN-1"));
        Collected collected = new Collected();

        OsvFiles.readTree(temp, OsvFiles.DEFAULT_LIMITS, null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("ONE-1", "TWO-2");
        assertThat(collected.recordLocations).containsExactly("a/ONE-1.json", "a/TWO-2.yaml");
        assertThat(collected.errors).singleElement().asString().startsWith("b/broken.json: ");
        assertThat(collected.notOsv).containsExactly("b/package.json");
        assertThat(collected.ignored).containsExactly("b/README.md");
    }

    @Test
    void readTree_fileOverTheLimit_isAnErrorAndTheRestIsRead() throws IOException {
        write("BIG-1.json", "{\"id\": \"BIG-1\", \"details\": \"" + "x".repeat(5000) + "\"}");
        write("SMALL-1.json", record("SMALL-1"));
        Collected collected = new Collected();

        OsvFiles.readTree(temp, OsvFiles.DEFAULT_LIMITS.withMaxFileBytes(1000), null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("SMALL-1");
        assertThat(collected.errors)
                .singleElement()
                .asString()
                .contains("BIG-1.json")
                .contains("limit");
    }

    @Test
    void readTree_symbolicLinkOutsideTheTree_isNotFollowed() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("OUT-1.json"), record("OUT-1"));
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.writeString(tree.resolve("IN-1.json"), record("IN-1"));
        Files.createSymbolicLink(tree.resolve("link"), outside);
        Files.createSymbolicLink(tree.resolve("link.json"), outside.resolve("OUT-1.json"));
        Collected collected = new Collected();

        OsvFiles.readTree(tree, OsvFiles.DEFAULT_LIMITS, null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("IN-1");
    }

    @Test
    void readZip_osvDump_readsEveryRecordInOrder() throws IOException {
        Path zip = zip(
                "dump.zip",
                List.of(entry("A-1.json", record("A-1")), entry("B-2.json", record("B-2")), entry("notes.txt", "x")));
        Collected collected = new Collected();

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS, "osv:npm", collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("A-1", "B-2");
        assertThat(collected.records).extracting(Advisory::source).containsOnly("osv:npm");
        assertThat(collected.recordLocations).containsExactly(zip + "!/A-1.json", zip + "!/B-2.json");
        assertThat(collected.ignored).containsExactly(zip + "!/notes.txt");
    }

    @Test
    void readZip_manyEntriesWithErrorsBetween_deliversInArchiveOrder() throws IOException {
        List<String[]> entries = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = "ORDER-" + i;
            if (i % 7 == 0) {
                entries.add(entry(name + ".json", "{\"id\": "));
                expected.add("error " + name);
            } else {
                entries.add(entry(name + ".json", record(name)));
                expected.add("record " + name);
            }
        }
        Path zip = zip("order.zip", entries);
        List<String> delivered = new ArrayList<>();
        OsvSink sink = new OsvSink() {
            @Override
            public void record(Advisory advisory, Location location) {
                delivered.add("record " + advisory.id());
            }

            @Override
            public void error(Location location, String reason) {
                delivered.add("error " + location.path().replaceAll(".*!/(.*)\\.json", "$1"));
            }

            @Override
            public void notOsv(Location location, String reason) {
                delivered.add("not " + location.path());
            }
        };

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS, null, sink);

        assertThat(delivered).isEqualTo(expected);
    }

    @Test
    void readZip_traversalEntryNames_areReadAsRecordsAndNothingIsWritten() throws IOException {
        Path zip = zip(
                "evil.zip",
                List.of(
                        entry("../../../../tmp/EVIL-1.json", record("EVIL-1")),
                        entry("/etc/EVIL-2.json", record("EVIL-2"))));
        Collected collected = new Collected();
        List<Path> before = listTree();

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS, null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("EVIL-1", "EVIL-2");
        assertThat(listTree()).isEqualTo(before);
        assertThat(temp.resolveSibling("EVIL-1.json")).doesNotExist();
    }

    @Test
    void readZip_invalidUtf8EntryName_isTolerated() throws IOException {
        Path zip = zip(
                "names.zip", List.of(entry("XXXX-1.json", record("NAME-1")), entry("NAME-2.json", record("NAME-2"))));
        byte[] bytes = Files.readAllBytes(zip);
        // Replace the name in the local header and the central directory with bytes that are not UTF-8
        // (the UTF-8 flag stays set, as java.util.zip writes it).
        replaceAll(bytes, "XXXX".getBytes(StandardCharsets.US_ASCII), new byte[] {
            (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, '('
        });
        Files.write(zip, bytes);
        Collected collected = new Collected();

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS, null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("NAME-1", "NAME-2");
        assertThat(collected.recordLocations.get(0)).endsWith("-1.json");
    }

    @Test
    void readZip_entryExpandingPastTheRecordLimit_isAnErrorAndTheRestIsRead() throws IOException {
        String bomb = "{\"id\": \"BOMB-1\", \"details\": \"" + "0".repeat(4 << 20) + "\"}";
        Path zip = zip("bomb.zip", List.of(entry("BOMB-1.json", bomb), entry("OK-1.json", record("OK-1"))));
        assertThat(Files.size(zip)).isLessThan(64 * 1024);
        Collected collected = new Collected();

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS.withMaxFileBytes(1 << 20), null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("OK-1");
        assertThat(collected.errors)
                .singleElement()
                .asString()
                .contains("BOMB-1.json")
                .contains("limit");
    }

    @Test
    void readZip_highlyCompressedEntry_isRejectedByRatio() throws IOException {
        String bomb = "{\"id\": \"RATIO-1\", \"details\": \"" + "0".repeat(3 << 20) + "\"}";
        Path zip = zip("ratio.zip", List.<String[]>of(entry("RATIO-1.json", bomb)));
        Collected collected = new Collected();

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS, null, collected);

        assertThat(collected.records).isEmpty();
        assertThat(collected.errors).singleElement().asString().contains("zip bomb");
    }

    @Test
    void readZip_archiveExpandingPastTheTotal_throwsInputTooLarge() throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(entry(
                    "R-" + i + ".json", "{\"id\": \"R-" + i + "\", \"details\": \"" + "y".repeat(10_000) + "\"}"));
        }
        Path zip = zip("total.zip", entries);
        Collected collected = new Collected();
        Limits limits = OsvFiles.DEFAULT_LIMITS.withMaxExpandedBytes(50_000);

        assertThatThrownBy(() -> OsvFiles.readZip(zip, limits, null, collected))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("expands to more than");
        assertThat(collected.records).hasSizeLessThan(5);
    }

    @Test
    void readZip_tooManyEntries_throwsInputTooLarge() throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            entries.add(entry("E-" + i + ".json", record("E-" + i)));
        }
        Path zip = zip("many.zip", entries);
        Limits limits = new Limits(1 << 20, 1 << 30, 1, 10, 200);

        assertThatThrownBy(() -> OsvFiles.readZip(zip, limits, null, new Collected()))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    void readZip_damagedEntryData_isAnErrorOfThatEntryOnly() throws IOException {
        String filler = "{\"id\": \"DAMAGED-1\", \"details\": \"" + "abcdefghij".repeat(2000) + "\"}";
        Path zip = zip("damaged.zip", List.of(entry("DAMAGED-1.json", filler), entry("FINE-1.json", record("FINE-1"))));
        byte[] bytes = Files.readAllBytes(zip);
        int data = indexOf(bytes, "DAMAGED-1.json".getBytes(StandardCharsets.US_ASCII)) + 14;
        for (int i = data + 20; i < data + 60; i++) {
            bytes[i] ^= 0x5A;
        }
        Files.write(zip, bytes);
        Collected collected = new Collected();

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS, null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("FINE-1");
        assertThat(collected.errors).singleElement().asString().contains("DAMAGED-1.json");
    }

    @Test
    void readZip_notAZip_throwsUnableToParse() throws IOException {
        Path notZip = Files.writeString(temp.resolve("not.zip"), "PK\u0003\u0004 but then nothing useful");

        assertThatThrownBy(() -> OsvFiles.readZip(notZip, OsvFiles.DEFAULT_LIMITS, null, new Collected()))
                .isInstanceOf(UnableToParseException.class);
    }

    @Test
    void readZip_hostileDocuments_areErrorsOfTheirEntries() throws IOException {
        StringBuilder aliasBomb = new StringBuilder("id: ALIAS-1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 9; level++) {
            aliasBomb.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                aliasBomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            aliasBomb.append("]\n");
        }
        String deep = "{\"id\": \"DEEP-1\", \"x\": " + "[".repeat(3000) + "]".repeat(3000) + "}";
        Path zip = zip(
                "hostile.zip",
                List.of(
                        entry("ALIAS-1.yaml", aliasBomb.toString()),
                        entry("DEEP-1.json", deep),
                        entry("OK-2.json", record("OK-2"))));
        Collected collected = new Collected();

        OsvFiles.readZip(zip, OsvFiles.DEFAULT_LIMITS, null, collected);

        assertThat(collected.records).extracting(Advisory::id).containsExactly("OK-2");
        assertThat(collected.errors).hasSize(2);
    }

    // ---- helpers ----

    private void write(String relative, String content) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String[] entry(String name, String content) {
        return new String[] {name, content};
    }

    private Path zip(String name, List<String[]> entries) throws IOException {
        Path zip = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (String[] entry : entries) {
                zipOut.putNextEntry(new ZipEntry(entry[0]));
                zipOut.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    private List<Path> listTree() throws IOException {
        try (var paths = Files.walk(temp.getParent(), 1)) {
            return paths.sorted().toList();
        }
    }

    private static void replaceAll(byte[] bytes, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= bytes.length; i++) {
            boolean match = true;
            for (int j = 0; j < from.length && match; j++) {
                match = bytes[i + j] == from[j];
            }
            if (match) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
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
