package dev.assay.engine;

import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.vulndb.AdvisoryStore;
import dev.assay.vulndb.StoreInfo;
import dev.assay.vulndb.store.AdvisoryDatabase;
import dev.assay.vulndb.store.AdvisoryDatabaseImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the advisory database a scan uses, installing the snapshot shipped with Assay into the default
 * location on first use (so a machine without network still gets real findings, clearly labelled as a
 * snapshot), and refuses a database older than the user allows.
 */
public final class AdvisoryDatabases {
    /** The offline bundle built from the public advisory corpora; see {@code NOTICE-advisories.md}. */
    public static final String SNAPSHOT_RESOURCE = "/dev/assay/engine/advisory-snapshot.bundle";

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryDatabases.class);

    private AdvisoryDatabases() {}

    /**
     * The database in {@code directory}. When there is none and {@code installSnapshot} is set (the directory
     * is the default location, not one the user named), the bundled snapshot is installed there first.
     *
     * @throws NoVerdictException when there is no database and none may be installed
     */
    public static AdvisoryDatabase open(Path directory, boolean installSnapshot) {
        try {
            long started = System.nanoTime();
            AdvisoryDatabase database = AdvisoryDatabase.open(directory);
            LOG.debug("opened the advisory database {} in {} ms", directory, (System.nanoTime() - started) / 1_000_000);
            return database;
        } catch (NoVerdictException missing) {
            if (!installSnapshot) {
                throw new NoVerdictException(
                        "no advisory database at " + directory,
                        directory.toString(),
                        "run 'assay db update --db " + directory + "' or 'assay db import PATH --db " + directory + "'",
                        missing);
            }
        }
        installSnapshot(directory);
        return AdvisoryDatabase.open(directory);
    }

    /** Installs the bundled snapshot into {@code directory}, which must hold no database yet. */
    public static void installSnapshot(Path directory) {
        try (InputStream bundle = AdvisoryDatabases.class.getResourceAsStream(SNAPSHOT_RESOURCE)) {
            if (bundle == null) {
                throw new NoVerdictException(
                        "this build of Assay has no bundled advisory snapshot",
                        SNAPSHOT_RESOURCE,
                        "run 'assay db update' or 'assay db import PATH'",
                        null);
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile("assay-snapshot-", ".bundle");
            try {
                Files.copy(bundle, temporary, StandardCopyOption.REPLACE_EXISTING);
                try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(directory)) {
                    importer.importPath(temporary);
                    importer.commit();
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.info("installed the bundled advisory snapshot into {}", directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the advisory snapshot into " + directory, e);
        }
    }

    /**
     * @throws NoVerdictException when the data is older than {@code maxAge}
     */
    public static void requireFresh(StoreInfo info, Optional<Duration> maxAge, Clock clock) {
        if (maxAge.isEmpty()) {
            return;
        }
        Duration age = Duration.between(info.updatedAt(), clock.instant());
        if (age.compareTo(maxAge.get()) > 0) {
            throw new NoVerdictException(
                    "the advisory database at " + info.location() + " is " + Ages.describe(age) + " old, more than "
                            + "--max-db-age " + Ages.describe(maxAge.get())
                            + (info.snapshot() ? " (it is the snapshot bundled with Assay)" : ""),
                    info.location(),
                    "run 'assay db update'",
                    null);
        }
    }

    public static AdvisoryDatabaseSummary summary(AdvisoryStore store) {
        StoreInfo info = store.info();
        Instant updated = info.updatedAt() == null ? Instant.EPOCH : info.updatedAt();
        // A record affecting two ecosystems counts once here, unlike in the per-ecosystem counts.
        int advisories = store instanceof AdvisoryDatabase database ? database.advisoryCount() : info.advisories();
        return new AdvisoryDatabaseSummary(info.location(), updated, info.snapshot(), advisories);
    }

    /** Parses {@code 7d}, {@code 36h}, {@code 90m} or an ISO-8601 duration ({@code P7D}). */
    public static Duration parseAge(String text) {
        String value = text.strip();
        try {
            if (value.length() > 1 && Character.isDigit(value.charAt(0))) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
                    case 'd' -> {
                        return Duration.ofDays(amount);
                    }
                    case 'h' -> {
                        return Duration.ofHours(amount);
                    }
                    case 'm' -> {
                        return Duration.ofMinutes(amount);
                    }
                    default -> {}
                }
            }
            return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException(
                    "not a duration: '" + text + "' (expected e.g. 7d, 36h, 90m or P7D)", text, e);
        }
    }
}
