package dev.assay.vulndb.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds OSV-style {@code all.zip} dumps: one JSON record per entry, named {@code <id>.json}. */
final class TestDumps {
    private TestDumps() {}

    /** A dump of the first {@code limit} records (by file name) of a corpus folder of OSV JSON files. */
    static byte[] fromCorpus(Path folder, int limit) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> records = files.filter(
                            path -> path.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .limit(limit)
                    .toList();
            Map<String, byte[]> entries = new TreeMap<>();
            for (Path record : records) {
                entries.put(record.getFileName().toString(), Files.readAllBytes(record));
            }
            return zip(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dump of small inline records, one per id, in the given ecosystem. */
    static byte[] inline(String ecosystem, String... ids) {
        Map<String, byte[]> entries = new TreeMap<>();
        for (String id : ids) {
            String json = String.format(Locale.ROOT, """
                    {"schema_version":"1.6.0","id":"%s","modified":"2025-09-01T00:00:00Z",
                     "summary":"inline test record %s",
                     "affected":[{"package":{"ecosystem":"%s","name":"example-%s"},
                       "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.3"}]}]}]}
                    """, id, id, ecosystem, id.toLowerCase(Locale.ROOT));
            entries.put(id + ".json", json.getBytes(StandardCharsets.UTF_8));
        }
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
