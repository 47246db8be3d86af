package dev.assay.catalog.os;

import dev.assay.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The gzipped rpm database fixtures under {@code os/rpm} and the listings rpm's own readers made of them. */
final class RpmFixtures {
    private RpmFixtures() {}

    static byte[] gunzip(String fixture) {
        try (InputStream input = new GZIPInputStream(Files.newInputStream(Fixtures.path(RpmFixtures.class, fixture)))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            input.transferTo(output);
            return output.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String fixture) {
        try {
            return Files.readAllLines(Fixtures.path(RpmFixtures.class, fixture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The three header blobs of {@code rpmdb.sqlite.gz}, in instance order (tiny-lib, tiny-shell, tiny-app). */
    static List<byte[]> sqliteBlobs() {
        SqliteDatabase database = SqliteDatabase.open(gunzip("os/rpm/rpmdb.sqlite.gz"), "rpmdb.sqlite");
        List<String> problems = new ArrayList<>();
        int root = database.tableRootPage("Packages", problems::add).orElseThrow();
        List<byte[]> blobs = new ArrayList<>();
        database.forEachRow(root, row -> blobs.add((byte[]) row.values().get(1)), problems::add);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        return blobs;
    }

    /** {@code name-epoch:version-release.arch}, as the rpm --qf listings write it. */
    static String nevra(byte[] blob) {
        RpmDbParser.RpmPackage rpmPackage =
                RpmDbParser.decode(RpmHeader.parse(blob)).orElseThrow();
        return rpmPackage.name() + "-" + rpmPackage.epoch().orElse(0) + ":" + rpmPackage.versionRelease() + "."
                + rpmPackage.architecture();
    }
}
