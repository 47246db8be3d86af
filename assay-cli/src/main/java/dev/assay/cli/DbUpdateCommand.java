package dev.assay.cli;

import dev.assay.engine.AdvisoryDatabaseUpdate;
import dev.assay.model.NoVerdictException;
import dev.assay.vulndb.update.DownloadListener;
import dev.assay.vulndb.update.EcosystemDownload;
import dev.assay.vulndb.update.OsvDownloadOptions;
import dev.assay.vulndb.update.OsvEcosystems;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code assay db update}: download the OSV dumps that changed and import them. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Download the per-ecosystem OSV dumps (<base-url>/<Ecosystem>/all.zip) that changed since the last",
            "update, resuming interrupted transfers and checking their integrity, and import them in one commit.",
            "Exit 3 when an ecosystem could not be fetched (what was fetched is still imported)."
        })
final class DbUpdateCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand db;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "OSV mirror (default ${DEFAULT-VALUE}).",
            defaultValue = "https://osv-vulnerabilities.storage.googleapis.com")
    URI baseUrl;

    @Option(
            names = "--ecosystem",
            paramLabel = "NAME",
            description = "Fetch only these ecosystems (repeatable; default: Maven, npm, PyPI, Go, crates.io, RubyGems,"
                    + " NuGet, Packagist, Debian, Ubuntu, Alpine).")
    List<String> ecosystems;

    @Option(
            names = "--max-download-size",
            paramLabel = "BYTES",
            description = "Refuse a dump larger than BYTES (default ${DEFAULT-VALUE}).",
            defaultValue = "4294967296")
    long maxDownloadBytes;

    @Option(
            names = "--retries",
            paramLabel = "N",
            description = "Retries of a failed transfer, with doubling back-off from 1 s (default ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int retries;

    @Option(names = "--insecure", description = "Allow plain HTTP to a mirror that is not on loopback.")
    boolean insecure;

    @Override
    public Integer call() {
        Path directory = database.resolve();
        Logger log = LoggerFactory.getLogger(DbUpdateCommand.class);
        OsvDownloadOptions options = OsvDownloadOptions.defaults(AdvisoryDatabaseUpdate.downloadsDirectory(directory))
                .withBaseUrl(baseUrl)
                .withAllowInsecure(insecure)
                .withMaxDownloadBytes(maxDownloadBytes)
                .withRetries(retries, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30));
        List<String> wanted = ecosystems == null || ecosystems.isEmpty() ? OsvEcosystems.DEFAULT : ecosystems;
        AdvisoryDatabaseUpdate.Report report;
        try (ConsoleProgress progress = ConsoleProgress.forOptions(db.globalOptions(), db.terminal())) {
            report = AdvisoryDatabaseUpdate.run(directory, options, wanted, new ProgressAdapter(progress, log, db));
        }
        report.imports().forEach(imported -> DbImportCommand.DbImports.log(db, imported));
        report.commit()
                .ifPresentOrElse(
                        commit -> db.say(directory + ": " + commit.added() + " added, " + commit.updated()
                                + " updated, " + commit.unchanged() + " unchanged; now " + commit.advisories()
                                + " advisories"),
                        () -> {
                            if (!report.download().anyFailed()) {
                                db.say(directory + ": nothing changed upstream");
                            }
                        });
        List<EcosystemDownload.Failed> failed = report.download().failed();
        if (!failed.isEmpty()) {
            EcosystemDownload.Failed first = failed.get(0);
            throw new NoVerdictException(
                    failed.size() + " of " + report.download().ecosystems().size()
                            + " ecosystems could not be updated (" + first.ecosystem() + ": " + first.reason() + ")",
                    baseUrl.toString(),
                    "the database holds what was fetched; run 'assay db update' again",
                    null);
        }
        return ExitCodes.OK;
    }

    /** Download events as a progress line and one log line per ecosystem. */
    private record ProgressAdapter(ConsoleProgress progress, Logger log, DbCommand db) implements DownloadListener {
        @Override
        public void started(String ecosystem, URI uri) {
            progress.phase("downloading " + ecosystem + " (bytes)", -1);
        }

        @Override
        public void progress(String ecosystem, long bytes, long totalBytes) {
            progress.phase("downloading " + ecosystem + " (bytes)", totalBytes);
            progress.advance(bytes);
        }

        @Override
        public void retrying(String ecosystem, int retry, java.time.Duration delay, String reason) {
            log.warn("{}: retry {} in {} s ({})", ecosystem, retry, delay.toSeconds(), reason);
        }

        @Override
        public void finished(EcosystemDownload result) {
            switch (result) {
                case EcosystemDownload.Updated updated ->
                    db.say(updated.ecosystem() + ": downloaded " + updated.bytes() + " bytes");
                case EcosystemDownload.Unchanged unchanged -> db.say(unchanged.ecosystem() + ": unchanged");
                case EcosystemDownload.NotAvailable missing ->
                    log.warn("{}: not available at {}", missing.ecosystem(), missing.uri());
                case EcosystemDownload.Failed failed ->
                    log.warn("{}: failed ({}: {})", failed.ecosystem(), failed.kind(), failed.reason());
            }
        }
    }
}
